package dev.banyan.cdc.connect;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Arrays;

import dev.banyan.cdc.apply.Op;
import dev.banyan.cdc.apply.RowChange;
import dev.banyan.cdc.apply.SourcePosition;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectChangeConverterTests {

    static final Schema ROW = SchemaBuilder.struct()
            .name("row")
            .field("id", Schema.INT64_SCHEMA)
            .field("name", Schema.OPTIONAL_STRING_SCHEMA)
            .field(
                    "born",
                    SchemaBuilder.int32()
                            .name("io.debezium.time.Date")
                            .optional()
                            .build())
            .field(
                    "opens",
                    SchemaBuilder.int64()
                            .name("io.debezium.time.MicroTime")
                            .optional()
                            .build())
            .field(
                    "seen",
                    SchemaBuilder.int64()
                            .name("io.debezium.time.MicroTimestamp")
                            .optional()
                            .build())
            .field("price", Decimal.builder(2).optional().build())
            .field("raw", Schema.OPTIONAL_BYTES_SCHEMA)
            .field(
                    "tags",
                    SchemaBuilder.array(Schema.OPTIONAL_STRING_SCHEMA)
                            .optional()
                            .build())
            .build();
    static final Schema SOURCE = SchemaBuilder.struct()
            .name("source")
            .field("schema", Schema.STRING_SCHEMA)
            .field("table", Schema.STRING_SCHEMA)
            .field("lsn", Schema.OPTIONAL_INT64_SCHEMA)
            .field("txId", Schema.OPTIONAL_INT64_SCHEMA)
            .field("sequence", Schema.OPTIONAL_STRING_SCHEMA)
            .field("snapshot", Schema.OPTIONAL_STRING_SCHEMA)
            .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA)
            .build();
    static final Schema ENVELOPE = SchemaBuilder.struct()
            .name("envelope")
            .field(
                    "before",
                    SchemaBuilder.struct()
                            .name("row")
                            .optional()
                            .field("id", Schema.INT64_SCHEMA)
                            .field("name", Schema.OPTIONAL_STRING_SCHEMA)
                            .build())
            .field(
                    "after",
                    SchemaBuilder.struct()
                            .name("row2")
                            .optional()
                            .field("id", Schema.INT64_SCHEMA)
                            .field("name", Schema.OPTIONAL_STRING_SCHEMA)
                            .field(
                                    "born",
                                    SchemaBuilder.int32()
                                            .name("io.debezium.time.Date")
                                            .optional()
                                            .build())
                            .field(
                                    "opens",
                                    SchemaBuilder.int64()
                                            .name("io.debezium.time.MicroTime")
                                            .optional()
                                            .build())
                            .field(
                                    "seen",
                                    SchemaBuilder.int64()
                                            .name("io.debezium.time.MicroTimestamp")
                                            .optional()
                                            .build())
                            .field("price", Decimal.builder(2).optional().build())
                            .field("raw", Schema.OPTIONAL_BYTES_SCHEMA)
                            .field(
                                    "tags",
                                    SchemaBuilder.array(Schema.OPTIONAL_STRING_SCHEMA)
                                            .optional()
                                            .build())
                            .build())
            .field("source", SOURCE)
            .field("op", Schema.STRING_SCHEMA)
            .build();

    static Struct envelope(String op, long id, Long lsn, String sequence) {
        Struct source = new Struct(SOURCE)
                .put("schema", "catalog")
                .put("table", "menu_item")
                .put("lsn", lsn)
                .put("txId", 77L)
                .put("sequence", sequence)
                .put("snapshot", op.equals("r") ? "true" : "false")
                .put("ts_ms", 1_700_000_000_000L);
        Struct envelope = new Struct(ENVELOPE).put("source", source).put("op", op);
        if (op.equals("d")) {
            envelope.put("before", new Struct(ENVELOPE.field("before").schema()).put("id", id));
        } else {
            envelope.put(
                    "after",
                    new Struct(ENVELOPE.field("after").schema())
                            .put("id", id)
                            .put("name", "비빔밥 \"x\"")
                            .put("born", 19_000)
                            .put("opens", 36_000_000_000L + 1L)
                            .put("seen", 1_700_000_000_123_456L)
                            .put("price", new BigDecimal("12.30"))
                            .put("raw", ByteBuffer.wrap(new byte[] {(byte) 0xde, 0x01}))
                            .put("tags", Arrays.asList("a,b", null, "q\"uote")));
        }
        return envelope;
    }

    @Test
    void rendersValuesAsPostgresText() {
        RowChange change = new ConnectChangeConverter().convert(envelope("c", 1, 100L, "[\"90\",\"100\"]"));
        assertThat(change.op()).isEqualTo(Op.INSERT);
        assertThat(change.sourceTable()).isEqualTo("catalog.menu_item");
        assertThat(change.values())
                .containsEntry("id", "1")
                .containsEntry("name", "비빔밥 \"x\"")
                .containsEntry("born", "2022-01-08")
                .containsEntry("opens", "10:00:00.000001")
                .containsEntry("seen", "2023-11-14T22:13:20.123456")
                .containsEntry("price", "12.30")
                .containsEntry("raw", "\\xde01")
                .containsEntry("tags", "{\"a,b\",NULL,\"q\\\"uote\"}");
        assertThat(change.position()).isEqualTo(new SourcePosition(90, 100, 0));
        assertThat(change.commitMillis()).isEqualTo(1_700_000_000_000L);
        assertThat(change.sourceColumns()).contains("id", "name", "tags");
    }

    @Test
    void numbersChangesThatShareOneLsnInStreamOrder() {
        ConnectChangeConverter converter = new ConnectChangeConverter();
        assertThat(converter
                        .convert(envelope("c", 1, 500L, "[\"400\",\"500\"]"))
                        .position())
                .isEqualTo(new SourcePosition(400, 500, 0));
        assertThat(converter
                        .convert(envelope("c", 2, 500L, "[\"400\",\"500\"]"))
                        .position())
                .isEqualTo(new SourcePosition(400, 500, 1));
        assertThat(converter
                        .convert(envelope("c", 3, 500L, "[\"400\",\"500\"]"))
                        .position())
                .isEqualTo(new SourcePosition(400, 500, 2));
        assertThat(converter
                        .convert(envelope("u", 3, 520L, "[\"400\",\"520\"]"))
                        .position())
                .isEqualTo(new SourcePosition(400, 520, 0));
        assertThat(converter.convert(envelope("d", 3, 530L, "[null,\"530\"]")).position())
                .isEqualTo(new SourcePosition(0, 530, 0));
    }

    @Test
    void snapshotReadsCarryNoPositionAndDeletesCarryTheKey() {
        ConnectChangeConverter converter = new ConnectChangeConverter();
        RowChange read = converter.convert(envelope("r", 5, 900L, null));
        assertThat(read.op()).isEqualTo(Op.SNAPSHOT);
        assertThat(read.position()).isNull();
        RowChange delete = converter.convert(envelope("d", 5, 901L, "[\"900\",\"901\"]"));
        assertThat(delete.op()).isEqualTo(Op.DELETE);
        assertThat(delete.values()).containsEntry("id", "5");
        assertThat(delete.sourceColumns()).containsExactlyInAnyOrder("id", "name");
    }

    @Test
    void marksUnchangedLargeValuesAsUnavailable() {
        Struct env = envelope("u", 1, 100L, "[\"90\",\"100\"]");
        env.getStruct("after").put("name", ConnectChangeConverter.UNAVAILABLE_PLACEHOLDER);
        RowChange change = new ConnectChangeConverter().convert(env);
        assertThat(change.unavailable()).containsExactly("name");
        assertThat(change.values()).containsEntry("name", null);
    }

    @Test
    void refusesValuesItCannotRender() {
        Schema nested = SchemaBuilder.struct()
                .name("geometry")
                .field("x", Schema.FLOAT64_SCHEMA)
                .build();
        assertThatThrownBy(() -> TextLiterals.text(nested, new Struct(nested).put("x", 1.0)))
                .hasMessage("values of type STRUCT (geometry) are not supported");
    }

    @Test
    void ordersPositionsByTransactionThenLsnThenOrdinal() {
        assertThat(new SourcePosition(1, 900, 5)).isLessThan(new SourcePosition(2, 10, 0));
        assertThat(new SourcePosition(2, 10, 0)).isLessThan(new SourcePosition(2, 10, 1));
        assertThat(new SourcePosition(2, 10, 1).isAtOrBelow(new SourcePosition(2, 10, 1)))
                .isTrue();
        assertThat(new SourcePosition(0x1_0000_0000L, 0x16B3F28L, 0).toString())
                .isEqualTo("tx-after 1/0, lsn 0/16B3F28 #0");
    }

    @Test
    void rendersMidnightAtTheEndOfTheDayAsTwentyFourHours() {
        Schema microTime =
                SchemaBuilder.int64().name("io.debezium.time.MicroTime").build();
        assertThat(TextLiterals.text(microTime, 86_400_000_000L)).isEqualTo("24:00:00");
        assertThat(TextLiterals.text(microTime, 86_399_999_999L)).isEqualTo("23:59:59.999999");
        Schema millisTime = SchemaBuilder.int32().name("io.debezium.time.Time").build();
        assertThat(TextLiterals.text(millisTime, 86_400_000)).isEqualTo("24:00:00");
    }

    @Test
    void rendersHstoreMapsAsHstoreTextWithNullsAndEscapes() {
        Schema hstore = SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA)
                .build();
        java.util.Map<String, String> value = new java.util.LinkedHashMap<>();
        value.put("키", "값");
        value.put("b c", null);
        value.put("quote\"d", "back\\slash");
        assertThat(TextLiterals.text(hstore, value))
                .isEqualTo("\"키\"=>\"값\", \"b c\"=>NULL, \"quote\\\"d\"=>\"back\\\\slash\"");
        assertThat(TextLiterals.text(hstore, java.util.Map.of())).isEmpty();
    }

    @Test
    void rendersBitStringsWithTheirLeadingZerosAndBitOneAsADigit() {
        Schema bits = SchemaBuilder.bytes()
                .name("io.debezium.data.Bits")
                .parameter("length", "12")
                .build();
        // little-endian: bit 0 is the rightmost digit
        assertThat(TextLiterals.text(bits, new byte[] {0x01, 0x08})).isEqualTo("100000000001");
        assertThat(TextLiterals.text(bits, ByteBuffer.wrap(new byte[] {0x06}))).isEqualTo("000000000110");
        Schema bitOne = SchemaBuilder.bool()
                .parameter(ConnectChangeConverter.SOURCE_TYPE_PARAMETER, "BIT")
                .build();
        assertThat(TextLiterals.text(bitOne, true)).isEqualTo("1");
        assertThat(TextLiterals.text(bitOne, false)).isEqualTo("0");
        assertThat(TextLiterals.text(Schema.BOOLEAN_SCHEMA, true)).isEqualTo("true");
    }
}
