package dev.banyan.monolith.ordering.saga;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import dev.banyan.events.EventHeaders;
import dev.banyan.events.EventSchemas;
import dev.banyan.monolith.ordering.OrderId;
import dev.banyan.monolith.ordering.domain.DeliverySaga.CancellationRefused;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryEventReaderTests {

    static final EventSchemas SCHEMAS = EventSchemas.load();
    static final DeliveryEventReader READER = new DeliveryEventReader(SCHEMAS);
    static final String ORDER = "3f2c9a4e-8b1d-4c7a-9e2f-5a6b7c8d9e0f";

    @Test
    void mapsEveryExampleOfTheContractsDeliveryEvents() {
        SCHEMAS.types().stream()
                .filter(type -> type.topic().equals(DeliveryEventsListener.TOPIC))
                .forEach(type -> {
                    DeliveryEventReader.Read read = READER.read(record(type.type(), "1", SCHEMAS.example(type)));

                    assertThat(read.type()).isEqualTo(type.type());
                    assertThat(read.event().orderId()).isNotNull();
                });
    }

    @Test
    void mapsARefusalWithItsReasonAndTime() {
        String payload = "{\"orderId\":\"" + ORDER + "\",\"deliveryId\":\"" + UUID.randomUUID()
                + "\",\"reason\":\"PICKED_UP\",\"refusedAt\":\"2026-12-01T05:00:00.123456Z\"}";

        DeliveryEventReader.Read read = READER.read(record("DeliveryCancellationRefused", "1", payload));

        assertThat(read.event())
                .isEqualTo(new CancellationRefused(
                        new OrderId(UUID.fromString(ORDER)),
                        "PICKED_UP",
                        Instant.parse("2026-12-01T05:00:00.123456Z")));
    }

    @Test
    void refusesRecordsThatNoRetryCanMakeValidNamingWhy() {
        String valid = "{\"orderId\":\"" + ORDER + "\",\"deliveryId\":\"" + UUID.randomUUID()
                + "\",\"pickedUpAt\":\"2026-12-01T05:00:00Z\"}";

        assertInvalid(record("DeliveryPickedUp", "2", valid), "unknown-type", "DeliveryPickedUp v2");
        assertInvalid(
                record("OrderAccepted", "1", valid),
                "unknown-type",
                "OrderAccepted is an event of banyan.order.events");
        assertInvalid(record("DeliveryPickedUp", "one", valid), "missing-header", "eventVersion");
        assertInvalid(record(null, "1", valid), "missing-header", "eventType");
        assertInvalid(record("DeliveryPickedUp", "1", "[1,"), "not-json", "payload is not JSON");
        assertInvalid(record("DeliveryPickedUp", "1", valid.replace(ORDER, "ORDER-1")), "invalid-payload", "orderId");
    }

    private static void assertInvalid(ConsumerRecord<String, String> record, String kind, String named) {
        assertThatThrownBy(() -> READER.read(record))
                .isInstanceOfSatisfying(
                        InvalidEventException.class, e -> assertThat(e.kind()).isEqualTo(kind))
                .hasMessageContaining(named);
    }

    private static ConsumerRecord<String, String> record(String type, String version, String payload) {
        ConsumerRecord<String, String> record =
                new ConsumerRecord<>(DeliveryEventsListener.TOPIC, 0, 0, ORDER, payload);
        record.headers().add(EventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        if (type != null) {
            record.headers().add(EventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        }
        record.headers().add(EventHeaders.VERSION, version.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
