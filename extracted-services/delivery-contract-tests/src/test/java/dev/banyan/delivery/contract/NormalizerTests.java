package dev.banyan.delivery.contract;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class NormalizerTests {

    private static final String ORDER = "8d6f3a8e-2f4b-4c1e-9a57-0b1f2c3d4e5f";
    private final Normalizer normalizer = new Normalizer(Map.of(ORDER, "order-a"));

    @Test
    void masksCreatedIdsAndDeclaredInstantsOnly() {
        JsonNode body = Http.JSON.readTree("""
                {"orderId":"%s","status":"ASSIGNED","assignedAt":"2026-06-01T02:15:30.123456Z","pickedUpAt":null,
                 "restaurantId":"1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b","detail":"Delivery of order %s is ASSIGNED"}""".formatted(ORDER, ORDER));

        assertThat(normalizer.normalize(body).toString())
                .isEqualTo("{\"orderId\":\"{order-a}\",\"status\":\"ASSIGNED\",\"assignedAt\":\"<instant>\","
                        + "\"pickedUpAt\":null,\"restaurantId\":\"1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b\","
                        + "\"detail\":\"Delivery of order {order-a} is ASSIGNED\"}");
    }

    @Test
    void keepsATimestampThatIsNotAnInstantVisible() {
        JsonNode body =
                Http.JSON.readTree("{\"deliveredAt\":\"2026-06-01 02:15\",\"createdAt\":\"2026-06-01T02:15:30Z\"}");

        assertThat(normalizer.normalize(body).toString())
                .isEqualTo("{\"deliveredAt\":\"2026-06-01 02:15\",\"createdAt\":\"2026-06-01T02:15:30Z\"}");
    }
}
