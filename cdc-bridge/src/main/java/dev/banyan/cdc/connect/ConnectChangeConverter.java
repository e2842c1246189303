package dev.banyan.cdc.connect;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
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
    public RowChange convert(Struct envelope) {
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
                values.put(field.name(), text(field.schema(), value));
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

    /** The PostgreSQL text form of a Connect value. */
    public static String text(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        String name = schema.name();
        if (name != null) {
            switch (name) {
                case "io.debezium.time.Date":
                    return LocalDate.ofEpochDay(((Number) value).longValue()).toString();
                case "io.debezium.time.Time":
                    return timeOfDay(((Number) value).longValue() * 1_000_000L);
                case "io.debezium.time.MicroTime":
                    return timeOfDay(((Number) value).longValue() * 1_000L);
                case "io.debezium.time.NanoTime":
                    return timeOfDay(((Number) value).longValue());
                case "io.debezium.data.Bits":
                    return bits(
                            bytes(value), Integer.parseInt(schema.parameters().get("length")));
                case "io.debezium.time.Timestamp":
                    return LocalDateTime.ofInstant(Instant.ofEpochMilli(((Number) value).longValue()), ZoneOffset.UTC)
                            .toString();
                case "io.debezium.time.MicroTimestamp": {
                    long micros = ((Number) value).longValue();
                    return LocalDateTime.ofInstant(
                                    Instant.ofEpochSecond(
                                            Math.floorDiv(micros, 1_000_000L),
                                            Math.floorMod(micros, 1_000_000L) * 1_000L),
                                    ZoneOffset.UTC)
                            .toString();
                }
                case "io.debezium.time.NanoTimestamp": {
                    long nanos = ((Number) value).longValue();
                    return LocalDateTime.ofInstant(
                                    Instant.ofEpochSecond(
                                            Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)),
                                    ZoneOffset.UTC)
                            .toString();
                }
                case "org.apache.kafka.connect.data.Decimal":
                    return ((BigDecimal) value).toPlainString();
                case "org.apache.kafka.connect.data.Date":
                    return LocalDate.ofInstant(((java.util.Date) value).toInstant(), ZoneOffset.UTC)
                            .toString();
                case "org.apache.kafka.connect.data.Time":
                    return LocalTime.ofInstant(((java.util.Date) value).toInstant(), ZoneOffset.UTC)
                            .toString();
                case "org.apache.kafka.connect.data.Timestamp":
                    return LocalDateTime.ofInstant(((java.util.Date) value).toInstant(), ZoneOffset.UTC)
                            .toString();
                case "io.debezium.data.VariableScaleDecimal": {
                    Struct s = (Struct) value;
                    return new BigDecimal(new BigInteger(bytes(s.get("value"))), s.getInt32("scale")).toPlainString();
                }
                default:
                    break;
            }
        }
        return switch (schema.type()) {
            case BOOLEAN -> isBit(schema) ? ((Boolean) value ? "1" : "0") : value.toString();
            case STRING, INT8, INT16, INT32, INT64 -> value.toString();
            case MAP -> hstoreLiteral((Map<?, ?>) value);
            case FLOAT32, FLOAT64 -> value.toString();
            case BYTES -> "\\x" + HexFormat.of().formatHex(bytes(value));
            case ARRAY -> arrayLiteral(schema.valueSchema(), (List<?>) value);
            default ->
                throw new IllegalArgumentException("values of type " + schema.type()
                        + (name == null ? "" : " (" + name + ")") + " are not supported");
        };
    }

    /** PostgreSQL's {@code time} allows {@code 24:00:00}, one past {@link LocalTime}'s range. */
    private static String timeOfDay(long nanos) {
        return nanos == 86_400_000_000_000L
                ? "24:00:00"
                : LocalTime.ofNanoOfDay(nanos).toString();
    }

    /** {@code bit(1)} arrives as a Connect boolean; its source type (propagated as a schema parameter) tells it apart. */
    private static boolean isBit(Schema schema) {
        return schema.parameters() != null
                && "BIT".equalsIgnoreCase(schema.parameters().get(SOURCE_TYPE_PARAMETER));
    }

    /** Debezium's {@code Bits}: little-endian bytes, bit 0 the rightmost digit, {@code length} digits wide. */
    private static String bits(byte[] littleEndian, int length) {
        java.util.BitSet set = java.util.BitSet.valueOf(littleEndian);
        StringBuilder out = new StringBuilder(length);
        for (int i = length - 1; i >= 0; i--) {
            out.append(set.get(i) ? '1' : '0');
        }
        return out.toString();
    }

    /** An {@code hstore} value (captured as a Connect map) as hstore text: {@code "key"=>"value", "other"=>NULL}. */
    private static String hstoreLiteral(Map<?, ?> map) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(hstoreQuoted(String.valueOf(e.getKey())))
                    .append("=>")
                    .append(e.getValue() == null ? "NULL" : hstoreQuoted(String.valueOf(e.getValue())));
        }
        return out.toString();
    }

    private static String hstoreQuoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] b) {
            return b;
        }
        ByteBuffer buffer = ((ByteBuffer) value).duplicate();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    private static String arrayLiteral(Schema elementSchema, List<?> values) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String element = text(elementSchema, values.get(i));
            if (element == null) {
                out.append("NULL");
            } else {
                out.append('"')
                        .append(element.replace("\\", "\\\\").replace("\"", "\\\""))
                        .append('"');
            }
        }
        return out.append('}').toString();
    }
}
