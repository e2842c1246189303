package dev.banyan.cdc.connect;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.banyan.cdc.apply.Op;
import dev.banyan.cdc.apply.RowChange;
import dev.banyan.cdc.apply.SourcePosition;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.jspecify.annotations.Nullable;

/**
 * Turns a Debezium PostgreSQL change envelope (a Kafka Connect {@link Struct}) into a {@link RowChange}.
 *
 * <p>Only the Kafka Connect data API is used, so the same converter serves the embedded engine and a Kafka Connect
 * sink task. Values become PostgreSQL text literals; the applier casts them to the target column types. The converter
 * is stateful: it numbers changes that share one commit order and LSN, in the order it sees them, so it must see every
 * data change of the stream in order (which both the embedded engine and a single-partition topic guarantee).
 */
public final class ConnectChangeConverter {

    public static final String UNAVAILABLE_PLACEHOLDER = "__debezium_unavailable_value";
    /** Schema parameter holding the column's source type, present for the types the engine is told to propagate. */
    public static final String SOURCE_TYPE_PARAMETER = "__debezium.source.column.type";

    private static final byte[] UNAVAILABLE_BYTES = UNAVAILABLE_PLACEHOLDER.getBytes(StandardCharsets.UTF_8);

    private final Map<Schema, Set<String>> fieldNames = new ConcurrentHashMap<>();
    private long lastTxOrder = -1;
    private long lastLsn = -1;
    private int ordinal;

    /** The source block of an envelope: where and when a change happened. */
    public record Source(String table, Long txId, boolean snapshot, long commitMillis) {}

    public static Source source(Struct envelope) {
        Struct source = envelope.getStruct("source");
        String table = source.getString("schema") + "." + source.getString("table");
        Object snapshot = source.get("snapshot");
        boolean isSnapshot =
                snapshot != null && !"false".equals(String.valueOf(snapshot)) && "r".equals(envelope.getString("op"));
        Long txId = source.getInt64("txId");
        Long ts = source.getInt64("ts_ms");
        return new Source(table, txId, isSnapshot, ts == null ? System.currentTimeMillis() : ts);
    }

    /**
     * @return the change, or {@code null} for envelopes that carry no row change (logical decoding messages)
     */
    public @Nullable RowChange convert(Struct envelope) {
        String opCode = envelope.getString("op");
        Source source = source(envelope);
        Op op = switch (opCode) {
            case "r" -> Op.SNAPSHOT;
            case "c" -> Op.INSERT;
            case "u" -> Op.UPDATE;
            case "d" -> Op.DELETE;
            case "t" -> Op.TRUNCATE;
            default -> null;
        };
        if (op == null) {
            return null;
        }
        SourcePosition position = op == Op.SNAPSHOT ? null : position(envelope.getStruct("source"));
        if (op == Op.TRUNCATE) {
            return new RowChange(source.table(), op, Map.of(), Set.of(), Set.of(), position, source.commitMillis());
        }
        Struct row = op == Op.DELETE ? envelope.getStruct("before") : envelope.getStruct("after");
        if (row == null) {
            throw new IllegalArgumentException(
                    "a " + opCode + " change to " + source.table() + " carries no row image");
        }
        Map<String, String> values = new HashMap<>();
        Set<String> unavailable = null;
        for (Field field : row.schema().fields()) {
            Object value = row.get(field);
            if (isUnavailable(value)) {
                if (unavailable == null) {
                    unavailable = new HashSet<>();
                }
                unavailable.add(field.name());
                values.put(field.name(), null);
                continue;
            }
            try {
                values.put(field.name(), TextLiterals.text(field.schema(), value));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "column " + source.table() + "." + field.name() + ": " + e.getMessage(), e);
            }
        }
        Set<String> columns = fieldNames.computeIfAbsent(
                row.schema(),
                s -> Set.copyOf(s.fields().stream().map(Field::name).toList()));
        return new RowChange(
                source.table(),
                op,
                values,
                columns,
                unavailable == null ? Set.of() : unavailable,
                position,
                source.commitMillis());
    }

    private SourcePosition position(Struct source) {
        Long lsn = source.getInt64("lsn");
        long txOrder = 0;
        String sequence = source.getString("sequence");
        if (sequence != null) {
            String[] parts = sequence.replace("[", "").replace("]", "").split(",");
            if (parts.length == 2) {
                String first = parts[0].trim().replace("\"", "");
                if (!first.isEmpty() && !"null".equals(first)) {
                    txOrder = Long.parseLong(first);
                }
            }
        }
        long eventLsn = lsn == null ? 0 : lsn;
        if (txOrder == lastTxOrder && eventLsn == lastLsn) {
            ordinal++;
        } else {
            ordinal = 0;
            lastTxOrder = txOrder;
            lastLsn = eventLsn;
        }
        return new SourcePosition(txOrder, eventLsn, ordinal);
    }

    private static boolean isUnavailable(Object value) {
        if (value instanceof String s) {
            return UNAVAILABLE_PLACEHOLDER.equals(s);
        }
        if (value instanceof byte[] b) {
            return Arrays.equals(b, UNAVAILABLE_BYTES);
        }
        if (value instanceof ByteBuffer buffer) {
            return buffer.remaining() == UNAVAILABLE_BYTES.length
                    && ByteBuffer.wrap(UNAVAILABLE_BYTES).equals(buffer);
        }
        if (value instanceof List<?> list) {
            return list.size() == 1 && isUnavailable(list.get(0));
        }
        return false;
    }
}
