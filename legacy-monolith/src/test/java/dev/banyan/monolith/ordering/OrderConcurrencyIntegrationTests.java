package dev.banyan.monolith.ordering;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.banyan.monolith.Fixtures;
import dev.banyan.monolith.HttpTestClient.Response;
import dev.banyan.monolith.MonolithIntegrationTest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.banyan.monolith.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many order operations at once on the default connection pool (10 connections): none may wait for a second
 * connection while holding one, and the payment provider's records must agree with the orders.
 */
class OrderConcurrencyIntegrationTests extends MonolithIntegrationTest {

    static final int CLIENTS = 40;
    static final int RACING_ORDERS = 50;
    static final Duration BOUND = Duration.ofSeconds(15);

    Fixtures fixtures;
    String restaurant;
    String tteokbokki;
    String customer;
    ExecutorService pool;

    @BeforeEach
    void menu() {
        fixtures = new Fixtures(http());
        restaurant = fixtures.restaurant("동시성 떡볶이");
        tteokbokki = fixtures.menuItem(restaurant, "국물떡볶이", 12000);
        customer = fixtures.customer("한지민");
        pool = Executors.newFixedThreadPool(2 * RACING_ORDERS);
    }

    @AfterEach
    void stopClients() {
        pool.shutdownNow();
    }

    @Test
    void fortyConcurrentOrdersAreAllPlacedAcceptedAndCancelledWithinTheBound() throws Exception {
        long started = System.nanoTime();
        List<Response> placed =
                all(CLIENTS, i -> http().post("/api/orders", order(customer, restaurant, tteokbokki, 1)));
        assertThat(placed)
                .allSatisfy(response ->
                        assertThat(response.status()).as(response.body()).isEqualTo(201));
        List<String> ids = placed.stream().map(response -> response.text("id")).toList();

        List<Response> accepted = all(CLIENTS, i -> http().postEmpty("/api/orders/" + ids.get(i) + "/accept"));
        assertThat(accepted)
                .allSatisfy(response ->
                        assertThat(response.status()).as(response.body()).isEqualTo(200));
        List<Response> cancelled = all(CLIENTS, i -> http().postEmpty("/api/orders/" + ids.get(i) + "/cancel"));
        assertThat(cancelled)
                .allSatisfy(response ->
                        assertThat(response.status()).as(response.body()).isEqualTo(200));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND.multipliedBy(3));
        for (String id : ids) {
            assertThat(providerOperations(id)).as(id).containsExactlyInAnyOrder("AUTHORIZE", "CAPTURE", "REFUND");
        }
    }

    @Test
    void acceptRacingCancelLeavesTheProviderWithExactlyOneOfCaptureOrVoidMatchingTheOrder() throws Exception {
        List<Response> placed =
                all(RACING_ORDERS, i -> http().post("/api/orders", order(customer, restaurant, tteokbokki, 1)));
        List<String> ids = placed.stream().map(response -> response.text("id")).toList();

        // accept and cancel of the same order are submitted next to each other and start together
        List<Response> answers = all(
                2 * RACING_ORDERS,
                i -> http().postEmpty("/api/orders/" + ids.get(i / 2) + (i % 2 == 0 ? "/accept" : "/cancel")));

        int acceptedFirst = 0;
        for (int n = 0; n < RACING_ORDERS; n++) {
            String id = ids.get(n);
            Response accept = answers.get(2 * n);
            Response cancel = answers.get(2 * n + 1);
            assertThat(cancel.status()).as("cancel %s: %s", id, cancel.body()).isEqualTo(200);
            assertThat(http().get("/api/orders/" + id).text("status")).isEqualTo("CANCELLED");
            String payment = jdbc.sql(
                            "select status from payment.payment where order_id = ? and not settlement_pending")
                    .param(java.util.UUID.fromString(id))
                    .query(String.class)
                    .single();
            List<String> operations = providerOperations(id);
            if (accept.status() == 200) {
                acceptedFirst++;
                assertThat(payment).as(id).isEqualTo("REFUNDED");
                assertThat(operations).as(id).containsExactlyInAnyOrder("AUTHORIZE", "CAPTURE", "REFUND");
            } else {
                assertThat(accept.status())
                        .as("accept %s: %s", id, accept.body())
                        .isEqualTo(409);
                assertThat(accept.json().get("state").asString()).isEqualTo("CANCELLED");
                assertThat(payment).as(id).isEqualTo("VOIDED");
                assertThat(operations).as(id).containsExactlyInAnyOrder("AUTHORIZE", "VOID");
            }
        }
        System.out.printf("accept won the race for %d of %d orders%n", acceptedFirst, RACING_ORDERS);
    }

    @Test
    void aDecisionCommittedButNeverSentToTheProviderIsSettledLater() {
        String id = http().post("/api/orders", order(customer, restaurant, tteokbokki, 2))
                .text("id");
        // what a crash between the accept's commit and its provider call leaves behind
        jdbc.sql("update ordering.customer_order set status = 'ACCEPTED', accepted_at = now() where id = ?")
                .param(java.util.UUID.fromString(id))
                .update();
        jdbc.sql("update payment.payment set status = 'CAPTURED', captured_amount = amount, settlement_pending = true "
                        + "where order_id = ?")
                .param(java.util.UUID.fromString(id))
                .update();
        assertThat(providerOperations(id)).containsExactly("AUTHORIZE");

        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> providerOperations(id).contains("CAPTURE"));
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> !jdbc.sql("select settlement_pending from payment.payment where order_id = ?")
                        .param(java.util.UUID.fromString(id))
                        .query(Boolean.class)
                        .single());
        assertThat(providerOperations(id)).containsExactlyInAnyOrder("AUTHORIZE", "CAPTURE");
    }

    interface Call {
        Response send(int index) throws Exception;
    }

    /** Sends {@code count} requests at once and waits for every answer within {@link #BOUND}. */
    List<Response> all(int count, Call call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            Callable<Response> task = () -> {
                start.await();
                return call.send(index);
            };
            futures.add(pool.submit(task));
        }
        start.countDown();
        long deadline = System.nanoTime() + BOUND.toNanos();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> future : futures) {
            responses.add(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
        }
        return responses;
    }

    List<String> providerOperations(String orderId) {
        return jdbc.sql("select operation from payment.provider_operation where idempotency_key like ?")
                .param("order-" + orderId + "-%")
                .query(String.class)
                .list();
    }
}
