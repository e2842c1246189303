package dev.banyan.delivery.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.banyan.delivery.application.Handler;
import dev.banyan.delivery.application.OrderEvent;
import dev.banyan.delivery.domain.OrderId;
import dev.banyan.delivery.domain.RestaurantId;
import dev.banyan.delivery.messaging.UnreadableEventException.Reason;
import dev.banyan.events.EventHeaders;
import dev.banyan.events.EventSchemas;
import dev.banyan.events.EventType;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a record of {@code banyan.order.events} (headers, type and version, the payload against its schema, the key
 * against the order id) and maps it to an {@link OrderEvent}; anything wrong is an {@link UnreadableEventException}
 * naming what. The payload is trusted only after {@link EventSchemas#problems} found nothing.
 */
final class OrderEventReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventSchemas schemas;

    OrderEventReader(EventSchemas schemas) {
        this.schemas = schemas;
    }

    ReceivedOrderEvent read(ConsumerRecord<String, String> record) {
        UUID id = uuid(header(record, EventHeaders.ID));
        String type = header(record, EventHeaders.TYPE);
        int version = version(header(record, EventHeaders.VERSION));
        Handler handler = Handler.of(header(record, EventHeaders.HANDLER))
                .orElseThrow(() -> new UnreadableEventException(
                        Reason.BAD_HEADER,
                        "header " + EventHeaders.HANDLER + " must be monolith or delivery-service, was '"
                                + header(record, EventHeaders.HANDLER) + "'"));
        EventType known = schemas.find(type, version)
                .filter(t -> t.topic().equals(record.topic()))
                .orElseThrow(() -> new UnreadableEventException(
                        Reason.UNKNOWN_EVENT, type + " v" + version + " is not an event of " + record.topic()));
        String value = record.value();
        if (value == null) {
            throw new UnreadableEventException(Reason.INVALID_PAYLOAD, "the record has no value");
        }
        List<String> problems = schemas.problems(known.type(), known.version(), value);
        if (!problems.isEmpty()) {
            throw new UnreadableEventException(Reason.INVALID_PAYLOAD, String.join("; ", problems));
        }
        JsonNode payload = JSON.readTree(value);
        OrderEvent event = map(type, payload);
        if (!event.orderId().toString().equals(record.key())) {
            throw new UnreadableEventException(
                    Reason.BAD_KEY,
                    "the record key '" + record.key() + "' is not the order id " + event.orderId()
                            + " (events of one order must share a partition)");
        }
        return new ReceivedOrderEvent(id, type, version, handler, event);
    }

    private static OrderEvent map(String type, JsonNode payload) {
        OrderId orderId =
                new OrderId(UUID.fromString(payload.required("orderId").asString()));
        return switch (type) {
            case "OrderAccepted" ->
                new OrderEvent.Accepted(
                        orderId,
                        new RestaurantId(
                                UUID.fromString(payload.required("restaurantId").asString())),
                        payload.required("pickupAddress").asString(),
                        payload.required("dropOffAddress").asString(),
                        Instant.parse(payload.required("acceptedAt").asString()));
            case "OrderCancellationRequested" ->
                new OrderEvent.CancellationRequested(
                        orderId, Instant.parse(payload.required("requestedAt").asString()));
            case "OrderCancelled" ->
                new OrderEvent.Cancelled(
                        orderId,
                        payload.required("previousStatus").asString(),
                        Instant.parse(payload.required("cancelledAt").asString()));
            default -> throw new UnreadableEventException(Reason.UNKNOWN_EVENT, type + " is not an order event");
        };
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            throw new UnreadableEventException(Reason.MISSING_HEADER, "header " + name + " is missing");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static UUID uuid(String value) {
        try {
            UUID id = UUID.fromString(value);
            if (id.toString().equals(value.toLowerCase(java.util.Locale.ROOT))) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new UnreadableEventException(
                Reason.BAD_HEADER, "header " + EventHeaders.ID + " must be a UUID, was '" + value + "'");
    }

    private static int version(@Nullable String value) {
        try {
            return Integer.parseInt(value == null ? "" : value);
        } catch (NumberFormatException e) {
            throw new UnreadableEventException(
                    Reason.BAD_HEADER, "header " + EventHeaders.VERSION + " must be an integer, was '" + value + "'");
        }
    }
}
