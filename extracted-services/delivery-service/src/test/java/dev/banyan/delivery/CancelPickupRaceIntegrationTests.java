package dev.banyan.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.banyan.delivery.application.DeliveryService;
import dev.banyan.delivery.domain.OrderId;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Saga's race: riders pick orders up over HTTP on parallel threads while the cancellations of the same orders
 * arrive as events. Whichever commits first on the delivery's row wins; every order must end in exactly one outcome,
 * with exactly the matching events in the outbox, checked with SQL on the service's own tables.
 */
class CancelPickupRaceIntegrationTests extends ApplicationIntegrationTest {

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DeliveryService deliveries;

    private static final Logger log = LoggerFactory.getLogger(CancelPickupRaceIntegrationTests.class);
    private static final int PICKUP_FIRST = 8;
    private static final int CANCEL_FIRST = 8;
    private static final int RACING = 48;

    @Test
    void everyOrderEndsEitherPickedUpWithARefusalOrCancelledWithAConfirmation() throws Exception {
        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i < PICKUP_FIRST + CANCEL_FIRST + RACING; i++) {
            UUID order = UUID.randomUUID();
            orders.add(order);
            publishAccepted(order, "delivery-service");
        }
        orders.forEach(order -> awaitStatus(order, "ASSIGNED"));
        List<UUID> pickupFirst = orders.subList(0, PICKUP_FIRST);
        List<UUID> cancelFirst = orders.subList(PICKUP_FIRST, PICKUP_FIRST + CANCEL_FIRST);
        List<UUID> racing = orders.subList(PICKUP_FIRST + CANCEL_FIRST, orders.size());
        Map<UUID, Integer> pickupAnswers = new ConcurrentHashMap<>();

        // Known orders of the two outcomes, so both are always exercised...
        pickupFirst.forEach(order -> pickupAnswers.put(
                order, post("/api/deliveries/" + order + "/pickup").status()));
        cancelFirst.forEach(order -> publishCancellationRequested(order, "delivery-service"));
        cancelFirst.forEach(order -> awaitStatus(order, "CANCELLED"));
        // ...then the race: pickups on four threads against cancellations published at the same moment.
        ExecutorService riders = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<Void>> pickups = new ArrayList<>();
            for (UUID order : racing) {
                pickups.add(CompletableFuture.runAsync(
                        () -> {
                            awaitQuietly(start);
                            pickupAnswers.put(
                                    order,
                                    post("/api/deliveries/" + order + "/pickup").status());
                        },
                        riders));
            }
            CompletableFuture<Void> cancellations = CompletableFuture.runAsync(() -> {
                awaitQuietly(start);
                // In the opposite order of the pickups, so the two meet somewhere in the middle.
                for (int i = racing.size() - 1; i >= 0; i--) {
                    publishCancellationRequested(racing.get(i), "delivery-service");
                }
                pickupFirst.forEach(order -> publishCancellationRequested(order, "delivery-service"));
            });
            start.countDown();
            CompletableFuture.allOf(pickups.toArray(CompletableFuture[]::new)).get();
            cancellations.get();
        } finally {
            riders.shutdownNow();
        }
        cancelFirst.forEach(order -> pickupAnswers.put(
                order, post("/api/deliveries/" + order + "/pickup").status()));

        await("an answer to every cancellation")
                .atMost(Duration.ofSeconds(60))
                .until(() -> answeredCancellations(orders) == orders.size());
        List<String> inconsistent = new ArrayList<>();
        int pickedUp = 0;
        for (UUID order : orders) {
            String status = status(order);
            List<String> events = outboxTypes(order);
            int answer = pickupAnswers.get(order);
            boolean pickupWon = status.equals("PICKED_UP")
                    && answer == 200
                    && events.equals(List.of("DeliveryAssigned", "DeliveryPickedUp", "DeliveryCancellationRefused"));
            boolean cancelWon = status.equals("CANCELLED")
                    && answer == 409
                    && events.equals(List.of("DeliveryAssigned", "DeliveryCancelled"));
            if (pickupWon) {
                pickedUp++;
            }
            if (!pickupWon && !cancelWon) {
                inconsistent.add(order + ": " + status + ", pickup answered " + answer + ", outbox " + events);
            }
        }
        log.info(
                "Cancel-vs-pickup race: {} of {} orders picked up, {} cancelled",
                pickedUp,
                orders.size(),
                orders.size() - pickedUp);
        assertThat(inconsistent).isEmpty();
        assertThat(pickupFirst).allMatch(order -> status(order).equals("PICKED_UP"));
        assertThat(cancelFirst).allMatch(order -> status(order).equals("CANCELLED"));
        assertThat(pickedUp).isBetween(PICKUP_FIRST, PICKUP_FIRST + RACING);
        assertThat(count(
                        "select count(*) from outbox where type in ('DeliveryCancelled', 'DeliveryCancellationRefused') "
                                + "and aggregateid in (" + quoted(orders) + ")"))
                .isEqualTo(orders.size());
    }

    @Test
    void aCancellationArrivingWhileAPickupIsUncommittedWaitsForItAndIsRefused() throws Exception {
        UUID order = UUID.randomUUID();
        publishAccepted(order, "delivery-service");
        awaitStatus(order, "ASSIGNED");
        CountDownLatch pickedUp = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> pickup = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            deliveries.pickUp(new OrderId(order));
            pickedUp.countDown();
            awaitQuietly(commit);
        }));
        try {
            pickedUp.await();
            publishCancellationRequested(order, "delivery-service");
            await("the cancellation to wait for the delivery's row")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> waitingOnALock() > 0);
        } finally {
            commit.countDown();
        }
        pickup.get();

        await().atMost(Duration.ofSeconds(30)).until(() -> outboxTypes(order).size() == 3);
        assertThat(status(order)).isEqualTo("PICKED_UP");
        assertThat(outboxTypes(order))
                .containsExactly("DeliveryAssigned", "DeliveryPickedUp", "DeliveryCancellationRefused");
    }

    private long waitingOnALock() {
        return count("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = "
                + "current_database()");
    }

    private long answeredCancellations(List<UUID> orders) {
        return count("select count(distinct aggregateid) from outbox where type in ('DeliveryCancelled', "
                + "'DeliveryCancellationRefused') and aggregateid in (" + quoted(orders) + ")");
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static String quoted(List<UUID> orders) {
        return String.join(", ", orders.stream().map(order -> "'" + order + "'").toList());
    }

    private static void awaitQuietly(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
