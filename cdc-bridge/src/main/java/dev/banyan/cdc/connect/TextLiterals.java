package dev.banyan.cdc.connect;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL text form of Kafka Connect values as Debezium's PostgreSQL connector produces them (dates, times,
 * timestamps, decimals, bits, hstore, arrays, bytes), so the applier can cast each literal to the target column type.
 */
public final class TextLiterals {

    private TextLiterals() {}

    /** The PostgreSQL text form of a Connect value. */
    public static @Nullable String text(Schema schema, @Nullable Object value) {
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
                && "BIT".equalsIgnoreCase(schema.parameters().get(ConnectChangeConverter.SOURCE_TYPE_PARAMETER));
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
