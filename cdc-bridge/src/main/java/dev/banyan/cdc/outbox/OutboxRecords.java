package dev.banyan.cdc.outbox;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.banyan.cdc.config.OutboxPipelineConfig;
import dev.banyan.events.EventHeaders;

import io.debezium.transforms.outbox.EventRouter;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns captured outbox rows into Kafka records with Debezium's outbox event router ({@link EventRouter}), in the
 * layout of the event contracts: key = {@code aggregateid}, value = {@code payload} (the JSON text as stored), headers
 * {@code id}, {@code eventType} ({@code type}), {@code eventVersion} ({@code version}) and {@code handler} (only when
 * not null), timestamp = {@code occurred_at}, topic from the {@code aggregatetype}. A malformed row (null payload,
 * payload not JSON, no id, type, aggregatetype or aggregateid) becomes a dead letter instead: the same record on
 * {@code <topic>.dlt} with header {@code deadLetterReason}.
 */
public final class OutboxRecords {

    /** One record to publish; {@code eventId} is the outbox row's id, by which the row is pruned. */
    public record Outgoing(
            ProducerRecord<String, String> record,
            String eventId,
            @Nullable String deadLetterReason) {}

    private static final Pattern TOPIC_PART = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final String JSON_SCHEMA = "io.debezium.data.Json";
    /** the router's header names (additional placement) and ours, in the order they are written */
    private static final Map<String, String> HEADERS = Map.of(
            "id", EventHeaders.ID,
            "eventType", EventHeaders.TYPE,
            "eventVersion", EventHeaders.VERSION,
            "handler", EventHeaders.HANDLER);

    private static final List<String> COLUMNS =
            List.of("id", "aggregatetype", "aggregateid", "type", "version", "handler", "payload", "occurred_at");
    private static final Set<String> REQUIRED = Set.of("id", "aggregatetype", "aggregateid", "type", "payload");

    private final OutboxPipelineConfig config;
    private final EventRouter<SourceRecord> router = new EventRouter<>();
    private final JsonMapper json = JsonMapper.builder().build();

    public OutboxRecords(OutboxPipelineConfig config) {
        this.config = config;
        Map<String, String> properties = new HashMap<>();
        properties.put("table.field.event.id", "id");
        properties.put("table.field.event.key", "aggregateid");
        properties.put("table.field.event.payload", "payload");
        properties.put("route.by.field", "aggregatetype");
        properties.put("route.topic.replacement", config.topic());
        properties.put(
                "table.fields.additional.placement",
                "type:header:eventType,version:header:eventVersion,handler:header:handler");
        // a table without the optional columns (version, handler) is fine: the header is left out
        properties.put("table.field.additional.missing", "ignore");
        properties.put("table.expand.json.payload", "false");
        router.configure(properties);
    }

    /** The outbox table's columns the router reads; the first five must exist. */
    public static List<String> columns() {
        return COLUMNS;
    }

    public static Set<String> requiredColumns() {
        return REQUIRED;
    }

    /**
     * The record for a captured change of the outbox table, or {@code null} for a change that is no event (an update
     * or a delete: events are inserted once and only pruned).
     */
    public @Nullable Outgoing route(SourceRecord change) {
        Struct envelope = (Struct) change.value();
        String op = envelope.getString("op");
        if (!"c".equals(op) && !"r".equals(op)) {
            return null;
        }
        Struct row = envelope.getStruct("after");
        String id = text(row, "id");
        List<String> problems = problems(row);
        if (!problems.isEmpty()) {
            return deadLetter(row, id, String.join("; ", problems));
        }
        SourceRecord routed = router.apply(change);
        List<Header> headers = new ArrayList<>();
        for (org.apache.kafka.connect.header.Header h : routed.headers()) {
            String name = HEADERS.get(h.key());
            if (name != null && h.value() != null) {
                headers.add(new RecordHeader(name, String.valueOf(h.value()).getBytes(StandardCharsets.UTF_8)));
            }
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(
                routed.topic(), null, timestamp(row), String.valueOf(routed.key()), (String) routed.value(), headers);
        return new Outgoing(record, id, null);
    }

    private List<String> problems(Struct row) {
        List<String> problems = new ArrayList<>();
        for (String column : List.of("id", "aggregatetype", "aggregateid", "type")) {
            String value = text(row, column);
            if (value == null || value.isBlank()) {
                problems.add(column + " is missing");
            }
        }
        String aggregateType = text(row, "aggregatetype");
        if (aggregateType != null
                && !aggregateType.isBlank()
                && !TOPIC_PART.matcher(aggregateType).matches()) {
            problems.add("aggregatetype '" + aggregateType + "' cannot name a Kafka topic");
        }
        Object payload = row.get("payload");
        if (payload == null) {
            problems.add("payload is null");
        } else if (!(payload instanceof String text)) {
            problems.add("payload is not text but "
                    + row.schema().field("payload").schema().type());
        } else if (!JSON_SCHEMA.equals(row.schema().field("payload").schema().name())) {
            // a jsonb column holds JSON by construction; a text column is checked
            try {
                json.readTree(text);
            } catch (JacksonException e) {
                problems.add("payload is not JSON: " + e.getOriginalMessage());
            }
        }
        return problems;
    }

    private Outgoing deadLetter(Struct row, @Nullable String id, String reason) {
        String aggregateType = text(row, "aggregatetype");
        String topic =
                aggregateType != null && TOPIC_PART.matcher(aggregateType).matches()
                        ? config.topicFor(aggregateType) + ".dlt"
                        : config.deadLetterTopic();
        List<Header> headers = new ArrayList<>();
        header(headers, EventHeaders.ID, id);
        header(headers, EventHeaders.TYPE, text(row, "type"));
        header(headers, EventHeaders.VERSION, text(row, "version"));
        header(headers, EventHeaders.HANDLER, text(row, "handler"));
        header(headers, EventHeaders.DEAD_LETTER_REASON, reason);
        Object payload = row.get("payload");
        ProducerRecord<String, String> record = new ProducerRecord<>(
                topic,
                null,
                timestamp(row),
                text(row, "aggregateid"),
                payload instanceof byte[] bytes
                        ? new String(bytes, StandardCharsets.UTF_8)
                        : payload == null ? null : String.valueOf(payload),
                headers);
        return new Outgoing(record, id == null ? "" : id, reason);
    }

    private static void header(List<Header> headers, String name, @Nullable String value) {
        if (value != null) {
            headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static @Nullable String text(Struct row, String column) {
        Field field = row.schema().field(column);
        if (field == null) {
            return null;
        }
        Object value = row.get(field);
        return value == null ? null : String.valueOf(value);
    }

    /**
     * {@code occurred_at} in epoch milliseconds. A {@code timestamptz} arrives as an ISO-8601 text
     * ({@code ZonedTimestamp}), a {@code timestamp} as microseconds; without it Kafka stamps the send time.
     */
    static @Nullable Long timestamp(Struct row) {
        Field field = row.schema().field("occurred_at");
        Object value = field == null ? null : row.get(field);
        if (value instanceof String text) {
            try {
                return OffsetDateTime.parse(text).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        if (value instanceof Long micros
                && "io.debezium.time.MicroTimestamp".equals(field.schema().name())) {
            return micros / 1000;
        }
        if (value instanceof Long millis) {
            return millis;
        }
        return null;
    }
}
