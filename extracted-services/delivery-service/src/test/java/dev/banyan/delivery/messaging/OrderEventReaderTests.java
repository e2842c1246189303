package dev.banyan.delivery.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import dev.banyan.delivery.application.Handler;
import dev.banyan.delivery.application.OrderEvent;
import dev.banyan.events.EventHeaders;
import dev.banyan.events.EventSchemas;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderEventReaderTests {

    private static final String TOPIC = "banyan.order.events";
    private static final String ORDER = "8d6f3a8e-2f4b-4c1e-9a57-0b1f2c3d4e5f";
    private static final String EVENT = "0b7e4c1a-6a0f-4d8e-9b3c-2f1e0d9c8b7a";
    private static final EventSchemas SCHEMAS = EventSchemas.load();
    private final OrderEventReader reader = new OrderEventReader(SCHEMAS);

    @Test
    void mapsTheContractsExampleOfOrderAccepted() {
        ReceivedOrderEvent read = reader.read(record(ORDER, example("OrderAccepted"), headers("OrderAccepted", "1")));

        assertThat(read.id().toString()).isEqualTo(EVENT);
        assertThat(read.handler()).isEqualTo(Handler.DELIVERY_SERVICE);
        OrderEvent.Accepted accepted = (OrderEvent.Accepted) read.event();
        assertThat(accepted.orderId().toString()).isEqualTo(ORDER);
        assertThat(accepted.pickupAddress()).isEqualTo("서울특별시 강남구 테헤란로 152");
        assertThat(accepted.acceptedAt()).isEqualTo(Instant.parse("2026-06-01T02:15:30.123456Z"));
    }

    @Test
    void mapsOrderCancellationRequestedAndOrderCancelled() {
        assertThat(reader.read(record(
                                ORDER,
                                example("OrderCancellationRequested"),
                                headers("OrderCancellationRequested", "1")))
                        .event())
                .isInstanceOf(OrderEvent.CancellationRequested.class);
        OrderEvent.Cancelled cancelled = (OrderEvent.Cancelled)
                reader.read(record(ORDER, example("OrderCancelled"), headers("OrderCancelled", "1")))
                        .event();
        assertThat(cancelled.previousStatus()).isEqualTo("CANCELLATION_PENDING");
    }

    @Test
    void rejectsAMalformedEventIdHeader() {
        Map<String, String> headers = Map.of(
                EventHeaders.ID, "not-a-uuid",
                EventHeaders.TYPE, "OrderAccepted",
                EventHeaders.VERSION, "1",
                EventHeaders.HANDLER, "delivery-service");

        assertThatThrownBy(() -> reader.read(record(ORDER, example("OrderAccepted"), headers)))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessage("bad-header: header id must be a UUID, was 'not-a-uuid'");
    }

    @Test
    void rejectsAnUnknownHandler() {
        Map<String, String> headers = Map.of(
                EventHeaders.ID, EVENT,
                EventHeaders.TYPE, "OrderAccepted",
                EventHeaders.VERSION, "1",
                EventHeaders.HANDLER, "catalog-service");

        assertThatThrownBy(() -> reader.read(record(ORDER, example("OrderAccepted"), headers)))
                .hasMessage("bad-header: header handler must be monolith or delivery-service, was 'catalog-service'");
    }

    @Test
    void rejectsADeliveryEventOnTheOrderTopic() {
        assertThatThrownBy(
                        () -> reader.read(record(ORDER, example("DeliveryAssigned"), headers("DeliveryAssigned", "1"))))
                .hasMessage("unknown-event: DeliveryAssigned v1 is not an event of banyan.order.events");
    }

    @Test
    void rejectsAPayloadThatBreaksItsSchemaNamingTheField() {
        String extraField = example("OrderAccepted").replace("\"orderId\"", "\"tip\": 1000, \"orderId\"");

        assertThatThrownBy(() -> reader.read(record(ORDER, extraField, headers("OrderAccepted", "1"))))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageStartingWith("invalid-payload: ")
                .hasMessageContaining("tip");
    }

    @Test
    void rejectsAKeyThatIsNotTheOrderId() {
        assertThatThrownBy(() -> reader.read(record(
                        "c0ffee00-1234-4abc-8def-001122334455",
                        example("OrderAccepted"),
                        headers("OrderAccepted", "1"))))
                .extracting(e -> ((UnreadableEventException) e).reason())
                .isEqualTo(UnreadableEventException.Reason.BAD_KEY);
    }

    private static String example(String type) {
        return SCHEMAS.example(SCHEMAS.find(type, 1).orElseThrow());
    }

    private static Map<String, String> headers(String type, String version) {
        return Map.of(
                EventHeaders.ID, EVENT,
                EventHeaders.TYPE, type,
                EventHeaders.VERSION, version,
                EventHeaders.HANDLER, "delivery-service");
    }

    private static ConsumerRecord<String, String> record(String key, String value, Map<String, String> headers) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(TOPIC, 0, 0L, key, value);
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
