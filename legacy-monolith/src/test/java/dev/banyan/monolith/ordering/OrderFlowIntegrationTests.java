package dev.banyan.monolith.ordering;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.banyan.monolith.Fixtures;
import dev.banyan.monolith.HttpTestClient.Response;
import dev.banyan.monolith.MonolithIntegrationTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.banyan.monolith.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The order, payment and delivery lifecycle end to end over HTTP. */
class OrderFlowIntegrationTests extends MonolithIntegrationTest {

    Fixtures fixtures;
    String restaurant;
    String bibimbap;
    String customer;

    @BeforeEach
    void menu() {
        fixtures = new Fixtures(http());
        restaurant = fixtures.restaurant("전주 비빔밥 명가");
        bibimbap = fixtures.menuItem(restaurant, "돌솥비빔밥", 9000);
        customer = fixtures.customer("이서연");
    }

    @Test
    void placesAcceptsPicksUpAndDeliversAnOrderCapturingItsPaymentOnAcceptance() {
        Response placed = http().post("/api/orders", order(customer, restaurant, bibimbap, 2));

        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String orderId = placed.text("id");
        assertThat(placed.location()).isEqualTo("/api/orders/" + orderId);
        JsonNode order = placed.json();
        assertThat(order.get("status").asString()).isEqualTo("PLACED");
        assertThat(order.get("subtotal").asLong()).isEqualTo(18000);
        assertThat(order.get("deliveryFee").asLong()).isEqualTo(3000);
        assertThat(order.get("total").asLong()).isEqualTo(21000);
        assertThat(order.get("items").get(0).toString())
                .isEqualTo("{\"menuItemId\":\"" + bibimbap
                        + "\",\"name\":\"돌솥비빔밥\",\"unitPrice\":9000,\"quantity\":2,\"lineTotal\":18000}");
        assertThat(order.get("deliveryAddress").asString()).isEqualTo("서울특별시 마포구 월드컵로 10, 101동 1001호");
        assertThat(order.get("payment").get("status").asString()).isEqualTo("AUTHORIZED");
        assertThat(order.get("payment").get("amount").asLong()).isEqualTo(21000);
        assertThat(http().get("/api/deliveries/" + orderId).status()).isEqualTo(404);

        Response accepted = http().postEmpty("/api/orders/" + orderId + "/accept");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.text("status")).isEqualTo("ACCEPTED");
        assertThat(accepted.json().get("payment").get("status").asString()).isEqualTo("CAPTURED");
        assertThat(accepted.json().get("payment").get("capturedAmount").asLong())
                .isEqualTo(21000);

        JsonNode delivery = awaitDelivery(orderId, "ASSIGNED");
        assertThat(delivery.get("rider").get("name").asString()).isNotBlank();
        assertThat(delivery.get("pickupAddress").asString()).isEqualTo("서울특별시 종로구 종로 1");
        assertThat(delivery.get("dropOffAddress").asString()).isEqualTo("서울특별시 마포구 월드컵로 10, 101동 1001호");

        Response complete = http().postEmpty("/api/deliveries/" + orderId + "/complete");
        assertThat(complete.status()).isEqualTo(409);
        assertThat(complete.json().get("state").asString()).isEqualTo("ASSIGNED");

        Response pickedUp = http().postEmpty("/api/deliveries/" + orderId + "/pickup");
        assertThat(pickedUp.status()).isEqualTo(200);
        assertThat(pickedUp.text("status")).isEqualTo("PICKED_UP");
        Response lateCancel = http().postEmpty("/api/orders/" + orderId + "/cancel");
        assertThat(lateCancel.status()).isEqualTo(409);
        assertThat(lateCancel.json().get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(lateCancel.json().get("detail").asString()).contains("picked up");

        Response delivered = http().postEmpty("/api/deliveries/" + orderId + "/complete");
        assertThat(delivered.status()).isEqualTo(200);
        assertThat(delivered.text("status")).isEqualTo("DELIVERED");

        JsonNode finished = http().get("/api/orders/" + orderId).json();
        assertThat(finished.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(finished.get("deliveredAt").asString()).isEqualTo(delivered.text("deliveredAt"));
        assertThat(finished.get("pickedUpAt").asString()).isEqualTo(pickedUp.text("pickedUpAt"));
        assertThat(finished.get("payment").get("status").asString()).isEqualTo("CAPTURED");
        assertThat(finished.get("payment").get("capturedAmount").asLong()).isEqualTo(21000);
        assertThat(providerOperations(orderId)).isEqualTo(Map.of("AUTHORIZE", 1L, "CAPTURE", 1L));
    }

    @Test
    void cancellingADeliveredOrderIsAConflictNamingTheState() {
        String orderId = http().post("/api/orders", order(customer, restaurant, bibimbap, 2))
                .text("id");
        http().postEmpty("/api/orders/" + orderId + "/accept");
        awaitDelivery(orderId, "ASSIGNED");
        http().postEmpty("/api/deliveries/" + orderId + "/pickup");
        http().postEmpty("/api/deliveries/" + orderId + "/complete");

        Response response = http().postEmpty("/api/orders/" + orderId + "/cancel");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.body())
                .isEqualTo("{\"type\":\"https://banyan.dev/problems/illegal-state\","
                        + "\"title\":\"Illegal state\",\"status\":409,\"detail\":\"Order " + orderId
                        + " is DELIVERED; it can no longer be cancelled\",\"instance\":\"/api/orders/" + orderId
                        + "/cancel\",\"state\":\"DELIVERED\"}");
        assertThat(http().postEmpty("/api/deliveries/" + orderId + "/pickup")
                        .json()
                        .get("state")
                        .asString())
                .isEqualTo("DELIVERED");
    }

    @Test
    void cancellingAPlacedOrderVoidsTheAuthorization() {
        String orderId = http().post("/api/orders", order(customer, restaurant, bibimbap, 2))
                .text("id");

        Response cancelled = http().postEmpty("/api/orders/" + orderId + "/cancel");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("payment").get("status").asString()).isEqualTo("VOIDED");
        assertThat(cancelled.json().get("payment").get("capturedAmount").asLong())
                .isZero();
        assertThat(providerOperations(orderId)).isEqualTo(Map.of("AUTHORIZE", 1L, "VOID", 1L));
        Response again = http().postEmpty("/api/orders/" + orderId + "/cancel");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("state").asString()).isEqualTo("CANCELLED");
        assertThat(http().postEmpty("/api/orders/" + orderId + "/accept")
                        .json()
                        .get("state")
                        .asString())
                .isEqualTo("CANCELLED");
    }

    @Test
    void cancellingAnAcceptedOrderRefundsThePaymentAndCancelsTheDelivery() {
        String orderId = http().post("/api/orders", order(customer, restaurant, bibimbap, 2))
                .text("id");
        http().postEmpty("/api/orders/" + orderId + "/accept");
        awaitDelivery(orderId, "ASSIGNED");

        Response cancelled = http().postEmpty("/api/orders/" + orderId + "/cancel");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        JsonNode payment = cancelled.json().get("payment");
        assertThat(payment.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(payment.get("capturedAmount").asLong()).isEqualTo(21000);
        assertThat(payment.get("refundedAmount").asLong()).isEqualTo(21000);
        assertThat(providerOperations(orderId)).isEqualTo(Map.of("AUTHORIZE", 1L, "CAPTURE", 1L, "REFUND", 1L));

        awaitDelivery(orderId, "CANCELLED");
        assertThat(http().postEmpty("/api/deliveries/" + orderId + "/pickup")
                        .json()
                        .get("state")
                        .asString())
                .isEqualTo("CANCELLED");
    }

    @Test
    void acceptingTwiceIsAConflict() {
        String orderId = http().post("/api/orders", order(customer, restaurant, bibimbap, 2))
                .text("id");
        http().postEmpty("/api/orders/" + orderId + "/accept");

        Response again = http().postEmpty("/api/orders/" + orderId + "/accept");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString())
                .isEqualTo("Order " + orderId + " is ACCEPTED; only a PLACED order can be accepted");
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyNeverChargesTwice() {
        String key = "checkout-" + UUID.randomUUID();
        String body = order(customer, restaurant, bibimbap, 3);

        Response first = http().post("/api/orders", body, Map.of("Idempotency-Key", key));
        Response retry = http().post("/api/orders", body, Map.of("Idempotency-Key", key));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("id")).isEqualTo(first.text("id"));
        assertThat(retry.body()).isEqualTo(first.body());
        String orderId = first.text("id");
        assertThat(providerOperations(orderId)).isEqualTo(Map.of("AUTHORIZE", 1L));
        assertThat(jdbc.sql("select count(*) from payment.payment where order_id = ?")
                        .param(UUID.fromString(orderId))
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        assertThat(jdbc.sql("select count(*) from ordering.customer_order where idempotency_key = ?")
                        .param(key)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);

        Response different =
                http().post("/api/orders", order(customer, restaurant, bibimbap, 4), Map.of("Idempotency-Key", key));
        assertThat(different.status()).isEqualTo(422);
        assertThat(different.json().get("detail").asString())
                .contains("Idempotency-Key " + key)
                .contains("different order request");
    }

    @Test
    void theSameIdempotencyKeyFromTwoCustomersCreatesTwoOrders() {
        String other = fixtures.customer("박지훈");
        String key = "checkout-1";

        Response mine =
                http().post("/api/orders", order(customer, restaurant, bibimbap, 2), Map.of("Idempotency-Key", key));
        Response theirs =
                http().post("/api/orders", order(other, restaurant, bibimbap, 2), Map.of("Idempotency-Key", key));
        Response myRetry =
                http().post("/api/orders", order(customer, restaurant, bibimbap, 2), Map.of("Idempotency-Key", key));

        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status()).as(theirs.body()).isEqualTo(201);
        assertThat(theirs.text("id")).isNotEqualTo(mine.text("id"));
        assertThat(theirs.text("customerId")).isEqualTo(other);
        assertThat(myRetry.text("id")).isEqualTo(mine.text("id"));
        assertThat(providerOperations(mine.text("id"))).isEqualTo(Map.of("AUTHORIZE", 1L));
        assertThat(providerOperations(theirs.text("id"))).isEqualTo(Map.of("AUTHORIZE", 1L));
    }

    @Test
    void orderIdsCannotBeComputedFromTheIdempotencyKey() {
        String key = "predictable-" + UUID.randomUUID();

        UUID id = UUID.fromString(
                http().post("/api/orders", order(customer, restaurant, bibimbap, 2), Map.of("Idempotency-Key", key))
                        .text("id"));

        assertThat(id.version()).isEqualTo(4);
        assertThat(id).isNotEqualTo(UUID.nameUUIDFromBytes(("order:" + key).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyCreateOneOrderAndOneCharge() throws Exception {
        String key = "double-tap-" + UUID.randomUUID();
        String body = order(customer, restaurant, bibimbap, 2);
        int clients = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<Response>> responses = new java.util.ArrayList<>();
            for (int i = 0; i < clients; i++) {
                responses.add(pool.submit(() -> {
                    start.await();
                    return http().post("/api/orders", body, Map.of("Idempotency-Key", key));
                }));
            }
            start.countDown();
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (java.util.concurrent.Future<Response> response : responses) {
                Response answer = response.get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(answer.status()).as(answer.body()).isEqualTo(201);
                ids.add(answer.text("id"));
            }
            assertThat(ids).hasSize(1);
            String orderId = ids.iterator().next();
            assertThat(providerOperations(orderId)).isEqualTo(Map.of("AUTHORIZE", 1L));
            assertThat(jdbc.sql("select count(*) from payment.payment where order_id = ?")
                            .param(UUID.fromString(orderId))
                            .query(Long.class)
                            .single())
                    .isEqualTo(1L);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDeclinedPaymentCreatesNoOrderAndIsNotRetriedAtTheProvider() {
        String caviar = fixtures.menuItem(restaurant, "한우 오마카세", 600000);
        String key = "big-" + UUID.randomUUID();

        Response declined =
                http().post("/api/orders", order(customer, restaurant, caviar, 2), Map.of("Idempotency-Key", key));
        Response retried =
                http().post("/api/orders", order(customer, restaurant, caviar, 2), Map.of("Idempotency-Key", key));

        assertThat(declined.status()).isEqualTo(422);
        assertThat(declined.json().get("detail").asString()).startsWith("Payment declined: amount 1203000 KRW");
        assertThat(retried.body()).isEqualTo(declined.body());
        String claimedOrder = jdbc.sql("select order_id from ordering.order_request where customer_id = ? "
                        + "and idempotency_key = ?")
                .param(UUID.fromString(customer))
                .param(key)
                .query(String.class)
                .single();
        assertThat(providerOperations(claimedOrder)).isEqualTo(Map.of("AUTHORIZE", 1L));
        assertThat(jdbc.sql("select count(*) from ordering.customer_order where idempotency_key = ?")
                        .param(key)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void voidsTheAuthorizationWhenTheOrderCannotBeStored() {
        String unlucky = fixtures.customer("불운한 손님");
        Map<String, String> key = Map.of("Idempotency-Key", "unlucky-" + UUID.randomUUID());
        jdbc.sql("""
                create function ordering.refuse_test_order() returns trigger language plpgsql as $$
                begin raise exception 'order store unavailable'; end $$""").update();
        jdbc.sql("create trigger refuse_test_order before insert on ordering.customer_order for each row "
                        + "when (new.customer_id = '" + unlucky + "') execute function ordering.refuse_test_order()")
                .update();
        try {
            Response failed = http().post("/api/orders", order(unlucky, restaurant, bibimbap, 2), key);

            assertThat(failed.status()).isEqualTo(500);
            String orderId = jdbc.sql("select order_id from payment.payment where customer_id = ?")
                    .param(UUID.fromString(unlucky))
                    .query(String.class)
                    .single();
            assertThat(providerOperations(orderId)).isEqualTo(Map.of("AUTHORIZE", 1L, "VOID", 1L));
            assertThat(jdbc.sql("select status from payment.payment where order_id = ?")
                            .param(UUID.fromString(orderId))
                            .query(String.class)
                            .single())
                    .isEqualTo("VOIDED");
            assertThat(http().get("/api/orders/" + orderId).status()).isEqualTo(404);
        } finally {
            jdbc.sql("drop trigger refuse_test_order on ordering.customer_order")
                    .update();
            jdbc.sql("drop function ordering.refuse_test_order()").update();
        }
        Response retried = http().post("/api/orders", order(unlucky, restaurant, bibimbap, 2), key);
        Response fresh = http().post(
                        "/api/orders",
                        order(unlucky, restaurant, bibimbap, 2),
                        Map.of("Idempotency-Key", "unlucky-again-" + UUID.randomUUID()));

        assertThat(retried.status())
                .as("the retry must not be answered with the voided authorization")
                .isEqualTo(422);
        assertThat(retried.json().get("detail").asString())
                .contains("was voided after an earlier attempt failed")
                .contains("new Idempotency-Key");
        assertThat(fresh.status()).isEqualTo(201);
        assertThat(fresh.json().get("payment").get("status").asString()).isEqualTo("AUTHORIZED");
    }

    @Test
    void rejectsOrdersWhoseAmountsOverflowNamingTheLine() {
        // 6148914691236523872 x 3 wraps around to 20,000 in 64 bits: unchecked, it would be charged as 23,000 won
        String gold = fixtures.menuItem(restaurant, "황금 떡", 6148914691236523872L);
        String half = fixtures.menuItem(restaurant, "반쪽 황금", 4611686018427387904L);

        Response lineOverflow = http().post("/api/orders", order(customer, restaurant, gold, 3));
        Response sumOverflow = http().post("/api/orders", """
                {"customerId":"%s","restaurantId":"%s","items":[{"menuItemId":"%s","quantity":1},
                 {"menuItemId":"%s","quantity":1},{"menuItemId":"%s","quantity":1}]}""".formatted(customer, restaurant, bibimbap, half, half));

        assertThat(lineOverflow.status()).isEqualTo(422);
        assertThat(lineOverflow.contentType()).isEqualTo("application/problem+json");
        assertThat(lineOverflow.json().get("type").asString()).endsWith("/domain-rule");
        assertThat(lineOverflow.json().get("detail").asString())
                .isEqualTo(
                        "Line items[0] (황금 떡): "
                                + "6148914691236523872 KRW x 3 exceeds the largest amount an order can carry (9223372036854775807 KRW)");
        Response feeOverflow = http().post(
                        "/api/orders",
                        order(customer, restaurant, fixtures.menuItem(restaurant, "거의 최대", Long.MAX_VALUE - 1000), 1));

        assertThat(feeOverflow.status()).isEqualTo(422);
        assertThat(feeOverflow.json().get("detail").asString()).startsWith("The delivery fee of 3000 KRW takes");
        assertThat(sumOverflow.status()).isEqualTo(422);
        assertThat(sumOverflow.json().get("detail").asString())
                .startsWith("Line items[2] (반쪽 황금): its "
                        + "4611686018427387904 KRW take the order's subtotal past the largest amount");
        assertThat(jdbc.sql("select count(*) from payment.payment where customer_id = ?")
                        .param(UUID.fromString(customer))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void rejectsOrdersTheMenuCannotServe() {
        String closed = fixtures.restaurant("준비중 식당");
        String closedItem = fixtures.menuItem(closed, "김치찌개", 12000);
        jdbc.sql("update catalog.restaurant set status = 'CLOSED' where id = ?")
                .param(UUID.fromString(closed))
                .update();
        Response closedResponse = http().post("/api/orders", order(customer, closed, closedItem, 1));
        assertThat(closedResponse.status()).isEqualTo(422);
        assertThat(closedResponse.json().get("detail").asString())
                .isEqualTo("Restaurant " + closed + " (준비중 식당) is not taking orders: it is CLOSED");

        String soldOut = fixtures.menuItem(restaurant, "육회비빔밥", 15000);
        http().put("/api/restaurants/" + restaurant + "/menu-items/" + soldOut, "{\"available\":false}");
        Response unavailable = http().post("/api/orders", order(customer, restaurant, soldOut, 1));
        assertThat(unavailable.status()).isEqualTo(422);
        assertThat(unavailable.json().get("detail").asString())
                .isEqualTo("Menu item " + soldOut + " (육회비빔밥) is not available right now");

        Response belowMinimum = http().post("/api/orders", order(customer, restaurant, bibimbap, 1));
        assertThat(belowMinimum.status()).isEqualTo(422);
        assertThat(belowMinimum.json().get("detail").asString()).contains("below the minimum order amount");

        Response otherMenu = http().post("/api/orders", order(customer, restaurant, closedItem, 1));
        assertThat(otherMenu.status()).isEqualTo(404);
        assertThat(otherMenu.json().get("detail").asString()).contains("(items[0].menuItemId) is not on the menu");

        String unknown = UUID.randomUUID().toString();
        assertThat(http().post("/api/orders", order(unknown, restaurant, bibimbap, 2))
                        .json()
                        .get("detail")
                        .asString())
                .isEqualTo("Customer " + unknown + " (customerId) not found");
        assertThat(http().post("/api/orders", order(customer, unknown, bibimbap, 2))
                        .json()
                        .get("detail")
                        .asString())
                .isEqualTo("Restaurant " + unknown + " (restaurantId) not found");
        assertThat(http().post("/api/orders", order(customer, unknown, bibimbap, 2))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void rejectsOrdersOutsideTheOpeningHours() {
        java.time.LocalTime inThreeHours = java.time.LocalTime.now(java.time.ZoneId.of("Asia/Seoul"))
                .plusHours(3)
                .withSecond(0)
                .withNano(0);
        String window = "\"opens\":\"%s\",\"closes\":\"%s\"".formatted(inThreeHours, inThreeHours.plusMinutes(1));
        StringBuilder hours = new StringBuilder();
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            hours.append(hours.isEmpty() ? "" : ",")
                    .append("{\"day\":\"")
                    .append(day)
                    .append("\",")
                    .append(window)
                    .append("}");
        }
        Response created = http().post("/api/restaurants", """
                {"name":"새벽 한정 식당","category":"korean","address":"서울특별시 중구 명동길 1",
                 "minimumOrderAmount":0,"deliveryFee":0,"openingHours":[%s]}""".formatted(hours));
        assertThat(created.json().get("phone").isNull()).isTrue();
        String restaurantId = created.text("id");
        String item = fixtures.menuItem(restaurantId, "해장국", 9000);

        Response response = http().post("/api/orders", order(customer, restaurantId, item, 1));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").asString())
                .isEqualTo("Restaurant " + restaurantId
                        + " (새벽 한정 식당) is not taking orders: it is outside its opening hours");
    }

    @Test
    void rejectsMalformedOrderRequestsNamingTheField() {
        Response response =
                http().post("/api/orders", """
                {"customerId":"nope","restaurantId":7,"items":[{"menuItemId":"%s","quantity":0},
                 {"menuItemId":"%s","quantity":100},{"quantity":"2"}]}""".formatted(bibimbap, bibimbap), Map.of("Idempotency-Key", " "));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString())
                .isEqualTo(
                        "customerId must be a UUID; "
                                + "restaurantId must be a UUID; items[0].quantity must be greater than or equal to 1; "
                                + "items[1].quantity must be between 1 and 99; items[2].menuItemId must not be null; "
                                + "items[2].quantity must be an integer; Idempotency-Key header must be 1 to 200 non-blank characters");
        assertThat(http().post(
                                "/api/orders",
                                "{\"customerId\":\"" + customer + "\",\"restaurantId\":\"" + restaurant
                                        + "\",\"items\":[]}")
                        .json()
                        .get("detail")
                        .asString())
                .isEqualTo("items must not be empty");
        assertThat(http().post("/api/orders", "{\"items\":")
                        .json()
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("body");
        assertThat(http().get("/api/orders/xyz").json().get("detail").asString())
                .isEqualTo("id must be a UUID");
        assertThat(http().get("/api/orders/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(http().postEmpty("/api/orders/" + UUID.randomUUID() + "/cancel")
                        .status())
                .isEqualTo(404);
        assertThat(http().get("/api/deliveries/xyz").json().get("detail").asString())
                .isEqualTo("orderId must be a UUID");
        assertThat(http().postEmpty("/api/deliveries/" + UUID.randomUUID() + "/pickup")
                        .status())
                .isEqualTo(404);
        Response wrongMethod = http().get("/api/orders");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.allow()).isEqualTo("POST");
        assertThat(wrongMethod.contentType()).isEqualTo("application/problem+json");
        assertThat(wrongMethod.text("type")).isEqualTo("https://banyan.dev/problems/method-not-allowed");
        assertThat(wrongMethod.text("detail")).isEqualTo("Method GET is not supported on /api/orders; supported: POST");
    }

    @Test
    void ordersToAChosenDeliveryAddress() {
        JsonNode profile = http().get("/api/customers/" + customer).json();
        String office = profile.get("addresses").get(1).get("id").asString();

        Response placed = http().post("/api/orders", """
                {"customerId":"%s","restaurantId":"%s","deliveryAddressId":"%s",
                 "items":[{"menuItemId":"%s","quantity":2}]}""".formatted(customer, restaurant, office, bibimbap));

        assertThat(placed.json().get("deliveryAddress").asString()).isEqualTo("서울특별시 강남구 테헤란로 100");
        Response unknownAddress =
                http().post("/api/orders", """
                {"customerId":"%s","restaurantId":"%s","deliveryAddressId":"%s",
                 "items":[{"menuItemId":"%s","quantity":2}]}""".formatted(customer, restaurant, UUID.randomUUID(), bibimbap));
        assertThat(unknownAddress.status()).isEqualTo(404);
        assertThat(unknownAddress.json().get("detail").asString()).contains("(deliveryAddressId) not found");
    }

    private JsonNode awaitDelivery(String orderId, String status) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> {
                            Response response = http().get("/api/deliveries/" + orderId);
                            return response.status() == 200 ? response.json() : null;
                        },
                        delivery -> delivery != null
                                && status.equals(delivery.get("status").asString()));
    }

    private Map<String, Long> providerOperations(String orderId) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.sql("select operation, count(*) as n from payment.provider_operation where idempotency_key like ? "
                        + "group by operation")
                .param("order-" + orderId + "-%")
                .query(rows -> {
                    counts.put(rows.getString("operation"), rows.getLong("n"));
                });
        return counts;
    }
}
