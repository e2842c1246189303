package dev.banyan.events;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class EventSchemasTests {

    private static final EventSchemas SCHEMAS = EventSchemas.load();

    static List<EventType> types() {
        return SCHEMAS.types();
    }

    @Test
    void listsEveryEventThatCrossesBetweenOrderingAndDelivery() {
        assertThat(SCHEMAS.types())
                .extracting(type -> type.type() + " v" + type.version() + " -> " + type.topic())
                .containsExactlyInAnyOrder(
                        "OrderAccepted v1 -> banyan.order.events",
                        "OrderCancellationRequested v1 -> banyan.order.events",
                        "OrderCancelled v1 -> banyan.order.events",
                        "DeliveryAssigned v1 -> banyan.delivery.events",
                        "DeliveryPickedUp v1 -> banyan.delivery.events",
                        "DeliveryCompleted v1 -> banyan.delivery.events",
                        "DeliveryCancelled v1 -> banyan.delivery.events",
                        "DeliveryCancellationRefused v1 -> banyan.delivery.events");
    }

    @ParameterizedTest
    @MethodSource("types")
    void acceptsItsOwnExample(EventType type) {
        assertThat(SCHEMAS.problems(type.type(), type.version(), SCHEMAS.example(type)))
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("types")
    void rejectsAnExampleWithAnUnknownField(EventType type) {
        String example = SCHEMAS.example(type).trim();
        String withExtra = example.substring(0, example.length() - 1) + ", \"surprise\": 1}";
        assertThat(SCHEMAS.problems(type.type(), type.version(), withExtra))
                .singleElement()
                .asString()
                .contains("surprise");
    }

    @Test
    void namesEveryMissingOrMalformedField() {
        String payload = "{\"orderId\": \"not-a-uuid\", \"pickupAddress\": \"\", \"acceptedAt\": \"yesterday\"}";
        assertThat(String.join("\n", SCHEMAS.problems("OrderAccepted", 1, payload)))
                .contains("orderId")
                .contains("restaurantId")
                .contains("pickupAddress")
                .contains("dropOffAddress")
                .contains("acceptedAt");
    }

    @Test
    void rejectsATimestampWithoutUtcZone() {
        String payload = "{\"orderId\": \"8d6f3a8e-2f4b-4c1e-9a57-0b1f2c3d4e5f\","
                + " \"requestedAt\": \"2026-06-01T11:17:02+09:00\"}";
        assertThat(SCHEMAS.problems("OrderCancellationRequested", 1, payload))
                .singleElement()
                .asString()
                .contains("requestedAt");
    }

    @Test
    void namesAnUnknownTypeOrVersion() {
        assertThat(SCHEMAS.problems("OrderAccepted", 2, "{}"))
                .singleElement()
                .asString()
                .contains("unknown event type or version: OrderAccepted v2");
        assertThat(SCHEMAS.problems("OrderShipped", 1, "{}"))
                .singleElement()
                .asString()
                .contains("OrderShipped v1");
    }

    @Test
    void saysWhenThePayloadIsNotJson() {
        assertThat(SCHEMAS.problems("OrderAccepted", 1, "{\"orderId\":"))
                .singleElement()
                .asString()
                .startsWith("payload is not JSON");
    }

    @Test
    void deadLetterTopicFollowsItsTopic() {
        assertThat(EventHeaders.deadLetterTopic("banyan.order.events")).isEqualTo("banyan.order.events.dlt");
    }
}
