package dev.banyan.monolith.ordering.saga;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.banyan.events.EventHeaders;
import dev.banyan.events.EventSchemas;
import dev.banyan.events.EventType;
import dev.banyan.monolith.ordering.OrderId;
import dev.banyan.monolith.ordering.domain.DeliverySaga.Assigned;
import dev.banyan.monolith.ordering.domain.DeliverySaga.CancellationRefused;
import dev.banyan.monolith.ordering.domain.DeliverySaga.Cancelled;
import dev.banyan.monolith.ordering.domain.DeliverySaga.Completed;
import dev.banyan.monolith.ordering.domain.DeliverySaga.DeliveryEvent;
import dev.banyan.monolith.ordering.domain.DeliverySaga.PickedUp;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a record of {@code banyan.delivery.events} into ordering's {@link DeliveryEvent}: checks the headers, then
 * the payload against its contract ({@link EventSchemas#problems}), and only then maps it. Anything wrong is an
 * {@link InvalidEventException} naming what.
 */
final class DeliveryEventReader {

    /** A validated event and its id, the inbox key. */
    record Read(UUID id, String type, DeliveryEvent event) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventSchemas schemas;

    DeliveryEventReader(EventSchemas schemas) {
        this.schemas = schemas;
    }

    Read read(ConsumerRecord<String, String> record) {
        UUID id = uuidHeader(record);
        String type = header(record, EventHeaders.TYPE);
        int version = versionHeader(record);
        EventType known = schemas.find(type, version)
                .orElseThrow(() -> new InvalidEventException(
                        "unknown-type", "unknown event type or version: " + type + " v" + version));
        if (!known.topic().equals(record.topic())) {
            throw new InvalidEventException(
                    "unknown-type", type + " is an event of " + known.topic() + ", not of " + record.topic());
        }
        String payload = record.value();
        if (payload == null) {
            throw new InvalidEventException("not-json", type + " v" + version + ": the record has no payload");
        }
        JsonNode json;
        try {
            json = JSON.readTree(payload);
        } catch (JacksonException e) {
            throw new InvalidEventException(
                    "not-json", type + " v" + version + ": payload is not JSON: " + e.getOriginalMessage());
        }
        List<String> problems = schemas.problems(type, version, payload);
        if (!problems.isEmpty()) {
            throw new InvalidEventException(
                    "invalid-payload", type + " v" + version + ": " + String.join("; ", problems));
        }
        OrderId orderId = new OrderId(UUID.fromString(json.required("orderId").asString()));
        DeliveryEvent event = switch (type) {
            case "DeliveryAssigned" -> new Assigned(orderId, instant(json, "assignedAt"));
            case "DeliveryPickedUp" -> new PickedUp(orderId, instant(json, "pickedUpAt"));
            case "DeliveryCompleted" -> new Completed(orderId, instant(json, "deliveredAt"));
            case "DeliveryCancelled" -> new Cancelled(orderId, instant(json, "cancelledAt"));
            case "DeliveryCancellationRefused" ->
                new CancellationRefused(orderId, json.required("reason").asString(), instant(json, "refusedAt"));
            default ->
                throw new InvalidEventException(
                        "unknown-type", type + " is not a delivery event; it does not belong on this topic");
        };
        return new Read(id, type, event);
    }

    private static Instant instant(JsonNode json, String field) {
        return Instant.parse(json.required(field).asString());
    }

    private static UUID uuidHeader(ConsumerRecord<String, String> record) {
        String id = header(record, EventHeaders.ID);
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("missing-header", "header " + EventHeaders.ID + " is not a UUID: " + id);
        }
    }

    private static int versionHeader(ConsumerRecord<String, String> record) {
        String version = header(record, EventHeaders.VERSION);
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw new InvalidEventException(
                    "missing-header", "header " + EventHeaders.VERSION + " is not a number: " + version);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null || header.value().length == 0) {
            throw new InvalidEventException("missing-header", "header " + name + " is missing");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
