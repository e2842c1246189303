package dev.banyan.delivery;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monolith's {@code /api/deliveries/**} contract on the real application: reads, pickup and completion with
 * their outbox events, every illegal transition and bad request, and the operational endpoints.
 */
class DeliveryApiIntegrationTests extends ApplicationIntegrationTest {

    @Test
    void servesTheAssignedDeliveryWithItsRiderAndKoreanTextUnchanged() {
        UUID order = assignedOrder();

        Response response = get("/api/deliveries/" + order);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode body = response.json();
        assertThat(body.properties().stream().map(Map.Entry::getKey).toList())
                .containsExactly(
                        "id",
                        "orderId",
                        "status",
                        "rider",
                        "restaurantId",
                        "pickupAddress",
                        "dropOffAddress",
                        "assignedAt",
                        "pickedUpAt",
                        "deliveredAt",
                        "cancelledAt");
        assertThat(body.get("orderId").stringValue()).isEqualTo(order.toString());
        assertThat(body.get("status").stringValue()).isEqualTo("ASSIGNED");
        assertThat(body.get("pickupAddress").stringValue()).isEqualTo("서울특별시 강남구 테헤란로 152");
        assertThat(body.get("dropOffAddress").stringValue()).isEqualTo("서울특별시 마포구 월드컵북로 396, 1203호");
        assertThat(body.get("pickedUpAt").isNull()).isTrue();
        JsonNode rider = body.get("rider");
        assertThat(rider.properties().stream().map(Map.Entry::getKey).toList())
                .containsExactly("id", "name", "phone", "vehicle");
        assertThat(rider.get("phone").stringValue()).matches("010-\\d{4}-\\d{4}");
    }

    @Test
    void pickupThenCompletionMoveTheDeliveryAndWriteValidEventsToTheOutbox() {
        UUID order = assignedOrder();

        Response pickedUp = post("/api/deliveries/" + order + "/pickup");
        Response completed = post("/api/deliveries/" + order + "/complete");

        assertThat(pickedUp.status()).isEqualTo(200);
        assertThat(pickedUp.json().get("status").stringValue()).isEqualTo("PICKED_UP");
        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.json().get("status").stringValue()).isEqualTo("DELIVERED");
        assertThat(completed.json().get("pickedUpAt").stringValue())
                .isEqualTo(pickedUp.json().get("pickedUpAt").stringValue());
        assertThat(outboxTypes(order)).containsExactly("DeliveryAssigned", "DeliveryPickedUp", "DeliveryCompleted");
        for (Map<String, Object> row : outboxRows(order)) {
            assertThat(row.get("aggregatetype")).isEqualTo("delivery");
            assertThat(row.get("version")).isEqualTo(1);
            assertThat(row.get("handler")).isNull();
            assertThat(SCHEMAS.problems((String) row.get("type"), 1, (String) row.get("payload")))
                    .as(row.toString())
                    .isEmpty();
        }
        JsonNode completion = JSON.readTree((String) outboxRows(order).get(2).get("payload"));
        assertThat(completion.get("deliveryId").stringValue())
                .isEqualTo(completed.json().get("id").stringValue());
        assertThat(completion.get("deliveredAt").stringValue())
                .isEqualTo(completed.json().get("deliveredAt").stringValue());
    }

    @Test
    void pickingUpTwiceIsAConflictNamingTheStateAndWritesNoSecondEvent() {
        UUID order = assignedOrder();
        post("/api/deliveries/" + order + "/pickup");

        Response again = post("/api/deliveries/" + order + "/pickup");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.body())
                .isEqualTo("{\"type\":\"https://banyan.dev/problems/illegal-state\",\"title\":\"Illegal state\","
                        + "\"status\":409,\"detail\":\"Delivery of order " + order + " is PICKED_UP; only an ASSIGNED "
                        + "delivery can be picked up\",\"instance\":\"/api/deliveries/" + order + "/pickup\","
                        + "\"state\":\"PICKED_UP\"}");
        assertThat(outboxTypes(order)).containsExactly("DeliveryAssigned", "DeliveryPickedUp");
    }

    @Test
    void completingBeforePickupIsAConflict() {
        UUID order = assignedOrder();

        Response early = post("/api/deliveries/" + order + "/complete");

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").stringValue())
                .isEqualTo("Delivery of order " + order + " is ASSIGNED; only an PICKED_UP delivery can be completed");
        assertThat(early.json().get("state").stringValue()).isEqualTo("ASSIGNED");
        assertThat(status(order)).isEqualTo("ASSIGNED");
    }

    @Test
    void unknownOrderIsNotFound() {
        UUID unknown = UUID.randomUUID();

        for (Response response :
                List.of(get("/api/deliveries/" + unknown), post("/api/deliveries/" + unknown + "/pickup"))) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.json().get("type").stringValue()).isEqualTo("https://banyan.dev/problems/not-found");
            assertThat(response.json().get("detail").stringValue())
                    .isEqualTo("No delivery for order " + unknown
                            + "; a delivery is created when the restaurant accepts the order");
        }
    }

    @Test
    void malformedOrderIdIsInvalidInputNamingThePathVariable() {
        Response response = post("/api/deliveries/not-a-uuid/pickup");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").toString())
                .isEqualTo("[{\"field\":\"orderId\",\"message\":\"must be a UUID\"}]");
    }

    @Test
    void wrongMethodIsNotAllowedAndSaysWhichIs() {
        UUID order = UUID.randomUUID();

        Response delete = send("DELETE", "/api/deliveries/" + order);
        Response getPickup = get("/api/deliveries/" + order + "/pickup");

        assertThat(delete.status()).isEqualTo(405);
        assertThat(delete.allow()).isEqualTo("GET");
        assertThat(getPickup.status()).isEqualTo(405);
        assertThat(getPickup.allow()).isEqualTo("POST");
        assertThat(getPickup.json().get("type").stringValue())
                .isEqualTo("https://banyan.dev/problems/method-not-allowed");
    }

    @Test
    void exposesHealthAndPrometheusMetrics() {
        assertThat(get("/actuator/health").body()).contains("\"status\":\"UP\"");
        Response metrics = get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("application=\"delivery-service\"");
    }

    @Test
    void aLiveDeliveryBackfilledFromTheMonolithIsLeftToItWith421() {
        // a row as the backfill pipeline writes it: the monolith's columns only, so not owned here
        UUID order = UUID.randomUUID();
        jdbc.sql("insert into delivery (id, order_id, rider_id, status, assigned_at, version)"
                        + " select :id, :order, id, 'ASSIGNED', now(), 0 from rider limit 1")
                .param("id", UUID.randomUUID())
                .param("order", order)
                .update();

        Response pickup = post("/api/deliveries/" + order + "/pickup");
        Response complete = post("/api/deliveries/" + order + "/complete");

        assertThat(pickup.status()).isEqualTo(421);
        assertThat(pickup.contentType()).startsWith("application/problem+json");
        assertThat(pickup.json().get("type").stringValue()).isEqualTo("https://banyan.dev/problems/misdirected");
        assertThat(pickup.json().get("detail").stringValue())
                .isEqualTo("delivery of order " + order + " is handled by the monolith");
        assertThat(complete.status()).isEqualTo(421);
        assertThat(status(order)).isEqualTo("ASSIGNED");
        assertThat(outboxTypes(order)).isEmpty();
        assertThat(get("/api/deliveries/" + order).status()).isEqualTo(200);
    }

    private UUID assignedOrder() {
        UUID order = UUID.randomUUID();
        publishAccepted(order, "delivery-service");
        awaitStatus(order, "ASSIGNED");
        return order;
    }
}
