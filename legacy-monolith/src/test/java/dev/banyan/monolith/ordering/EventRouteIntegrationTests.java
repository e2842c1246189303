package dev.banyan.monolith.ordering;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.banyan.monolith.Fixtures;
import dev.banyan.monolith.HttpTestClient.Response;
import dev.banyan.monolith.MonolithIntegrationTest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.banyan.monolith.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event route {@code delivery}, the cutover switch of event ownership: its admin API, and that every order is
 * stamped by exactly one stage while the route is switched back and forth under concurrent acceptances.
 */
class EventRouteIntegrationTests extends MonolithIntegrationTest {

    static final String ROUTE = "/internal/event-routes/delivery";
    static final Map<String, String> AUTHORIZED = Map.of("Authorization", "Bearer " + EVENT_ROUTES_TOKEN);

    ExecutorService pool;

    @BeforeEach
    void threads() {
        pool = Executors.newFixedThreadPool(5);
    }

    @AfterEach
    void backToLegacy() {
        pool.shutdownNow();
        switchDeliveryEventsTo("LEGACY");
    }

    @Test
    void switchesTheStageAndAnswersItWithTheTimeOfTheChange() {
        Response switched = http().send("PUT", ROUTE, "{\"stage\":\"MIGRATED\"}", AUTHORIZED);

        assertThat(switched.status()).as(switched.body()).isEqualTo(200);
        assertThat(switched.text("name")).isEqualTo("delivery");
        assertThat(switched.text("stage")).isEqualTo("MIGRATED");
        assertThat(switched.text("changedAt")).endsWith("Z");
        Response read = http().send("GET", ROUTE, null, AUTHORIZED);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(switched.body());
    }

    @Test
    void refusesRequestsWithoutTheBearerToken() {
        Response missing = http().send("GET", ROUTE, null, Map.of());
        Response wrong =
                http().send("PUT", ROUTE, "{\"stage\":\"MIGRATED\"}", Map.of("Authorization", "Bearer guessed"));

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.contentType()).isEqualTo("application/problem+json");
        assertThat(missing.text("type")).isEqualTo("https://banyan.dev/problems/unauthorized");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(http().send("GET", ROUTE, null, AUTHORIZED).text("stage")).isEqualTo("LEGACY");
    }

    @Test
    void refusesABodyWithoutAKnownStageNamingTheField() {
        Response unknown = http().send("PUT", ROUTE, "{\"stage\":\"HALFWAY\"}", AUTHORIZED);
        Response missing = http().send("PUT", ROUTE, "{}", AUTHORIZED);

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("detail")).isEqualTo("stage must be one of LEGACY, SHADOW, MIGRATED");
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("stage");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text("detail")).isEqualTo("stage must not be blank");
        assertThat(http().send("GET", "/internal/event-routes/payment", null, AUTHORIZED)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void stampsEveryOrderExactlyOnceAndTheMonolithAssignsExactlyItsOwnWhileTheRouteFlipsBackAndForth()
            throws Exception {
        Fixtures fixtures = new Fixtures(http());
        String restaurant = fixtures.restaurant("전환 테스트 국밥");
        String gukbap = fixtures.menuItem(restaurant, "순대국밥", 10000);
        String customer = fixtures.customer("최유나");
        List<CompletableFuture<String>> placing = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            placing.add(CompletableFuture.supplyAsync(
                    () -> http().post("/api/orders", order(customer, restaurant, gukbap, 1))
                            .text("id"),
                    pool));
        }
        List<String> ids = placing.stream().map(CompletableFuture::join).toList();
        List<UUID> orderIds = ids.stream().map(UUID::fromString).toList();

        AtomicBoolean accepting = new AtomicBoolean(true);
        AtomicInteger switches = new AtomicInteger();
        CompletableFuture<Void> flipping = CompletableFuture.runAsync(
                () -> {
                    while (accepting.get()) {
                        switchDeliveryEventsTo(switches.getAndIncrement() % 2 == 0 ? "MIGRATED" : "LEGACY");
                    }
                },
                pool);
        List<CompletableFuture<Integer>> accepts = new ArrayList<>();
        for (int thread = 0; thread < 4; thread++) {
            int first = thread * 10;
            accepts.add(CompletableFuture.supplyAsync(
                    () -> {
                        int ok = 0;
                        for (String id : ids.subList(first, first + 10)) {
                            ok += http().postEmpty("/api/orders/" + id + "/accept")
                                                    .status()
                                            == 200
                                    ? 1
                                    : 0;
                        }
                        return ok;
                    },
                    pool));
        }
        int acceptedOk = accepts.stream().mapToInt(CompletableFuture::join).sum();
        accepting.set(false);
        flipping.join();

        assertThat(acceptedOk).isEqualTo(40);
        assertThat(switches.get())
                .as("the route was switched during the acceptances")
                .isGreaterThan(2);
        assertThat(count(
                        "select count(*) from ordering.customer_order where id = any(cast(? as uuid[])) and status = 'ACCEPTED' "
                                + "and delivery_handler is not null",
                        orderIds))
                .isEqualTo(40);
        assertThat(count(
                        "select count(*) from ordering.outbox where type = 'OrderAccepted' "
                                + "and aggregateid::uuid = any(cast(? as uuid[]))",
                        orderIds))
                .as("one OrderAccepted per order")
                .isEqualTo(40);
        assertThat(count(
                        "select count(*) from ordering.outbox o join ordering.customer_order c "
                                + "on c.id = o.aggregateid::uuid where c.id = any(cast(? as uuid[])) and o.handler = c.delivery_handler",
                        orderIds))
                .as("each event carries its order's stamp")
                .isEqualTo(40);
        long monolithStamped = count(
                "select count(*) from ordering.customer_order where id = any(cast(? as uuid[])) "
                        + "and delivery_handler = 'monolith'",
                orderIds);
        assertThat(monolithStamped).as("both stages stamped orders").isBetween(1L, 39L);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(count(
                                "select count(*) from delivery.delivery where order_id = any(cast(? as uuid[]))",
                                orderIds))
                        .isEqualTo(monolithStamped));
        assertThat(count(
                        "select count(*) from delivery.delivery d join ordering.customer_order c on c.id = "
                                + "d.order_id where c.id = any(cast(? as uuid[])) and c.delivery_handler = 'delivery-service'",
                        orderIds))
                .as("no in-process delivery for an order of the delivery-service")
                .isZero();
    }

    private long count(String sql, List<UUID> ids) {
        // A text[] that the statement casts: the driver binds String[] natively.
        return jdbc.sql(sql)
                .param(ids.stream().map(UUID::toString).toArray(String[]::new))
                .query(Long.class)
                .single();
    }
}
