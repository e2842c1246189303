package dev.banyan.cdc.apply;

import java.nio.file.Path;
import java.util.List;

import dev.banyan.cdc.config.ConfigException;
import dev.banyan.cdc.config.PipelineConfig;
import dev.banyan.cdc.support.Configs;
import dev.banyan.cdc.support.TestDatabases;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Start-up type checks against real catalogs: a mapping whose target column is narrower than its source (so the
 * apply's explicit casts would cut or round values silently) is refused with the table, column and both types; a
 * mapping onto an equal or wider column is accepted.
 */
class NarrowingMappingIntegrationTests {

    @TempDir
    static Path dir;

    static TestDatabases.Pair db;

    @BeforeAll
    static void setUp() {
        db = TestDatabases.pair("narrowing");
    }

    static PipelineConfig pipeline(String name, String sourceType, String targetType) {
        String table = name.replace('-', '_');
        db.execMonolith("create table catalog." + table + " (id int primary key, v " + sourceType + ")");
        db.execCatalog("create table public." + table + " (id int primary key, v " + targetType + ")");
        Path file =
                Configs.write(dir, Configs.pipeline(name, db.monolithUrl(), db.catalogUrl(), "", """
                    tables:
                      - { from: catalog.%1$s, to: public.%1$s, key: [id] }
                """.formatted(table)));
        return Configs.load(file).pipelines().get(0);
    }

    @ParameterizedTest(name = "{1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "n-varchar     | varchar(100)  | varchar(50)   | character varying(100) -> public.n_varchar.v character varying(50) narrows: values longer than 50 characters would be cut to 50",
                "n-text        | text          | varchar(20)   | text -> public.n_text.v character varying(20) narrows: values longer than 20 characters would be cut to 20",
                "n-char        | varchar(10)   | char(4)       | character varying(10) -> public.n_char.v character(4) narrows: values longer than 4 characters would be cut to 4",
                "n-scale       | numeric(12,2) | numeric(10,1) | numeric(12,2) -> public.n_scale.v numeric(10,1) narrows: values would be rounded from 2 to 1 decimal place(s)",
                "n-digits      | numeric(12,2) | numeric(8,2)  | numeric(12,2) -> public.n_digits.v numeric(8,2) narrows: values with more than 6 integer digit(s) cannot be stored",
                "n-numeric     | numeric       | numeric(20,4) | numeric -> public.n_numeric.v numeric(20,4) narrows: unconstrained numeric values would be rounded to 4 decimal place(s)",
                "n-bigint      | bigint        | int           | bigint -> public.n_bigint.v integer narrows: values outside the range of int4 cannot be stored",
                "n-fraction    | numeric(10,2) | bigint        | numeric(10,2) -> public.n_fraction.v bigint narrows: fractions would be rounded to whole numbers",
                "n-seconds     | timestamptz(6)| timestamptz(0)| timestamp(6) with time zone -> public.n_seconds.v timestamp(0) with time zone narrows: fractional seconds would be rounded from 6 to 0 digit(s)",
                "n-zone        | timestamptz   | timestamp     | timestamp with time zone -> public.n_zone.v timestamp without time zone narrows: the time zone offset would be dropped",
                "n-bits        | bit(16)       | bit(8)        | bit(16) -> public.n_bits.v bit(8) narrows: bit strings longer than 8 bits would be cut to 8",
                "n-array       | varchar(30)[] | varchar(10)[] | character varying(30)[] -> public.n_array.v character varying(10)[] narrows: values longer than 10 characters"
            })
    void refusesANarrowingMappingNamingTableColumnAndBothTypes(
            String name, String sourceType, String targetType, String message) {
        PipelineConfig pipeline = pipeline(name, sourceType, targetType);
        assertThatThrownBy(() -> PipelineSetup.resolve("cdc.yml", pipeline))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("cdc.yml: pipeline '" + name + "': tables[0].columns.v: catalog."
                        + name.replace('-', '_') + ".v " + message)
                .hasMessageContaining("widen the target column or exclude the column");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "u-varbit  | bit varying(8) | bit varying(8) cannot be carried: bit varying values lose their leading zeros and length in the capture",
                "u-times   | time[]         | time without time zone[] cannot be carried: arrays of time lose the value 24:00 in the capture"
            })
    void refusesAColumnTypeTheCaptureCannotCarryExactlyNamingTheColumn(String name, String type, String message) {
        PipelineConfig pipeline = pipeline(name, type, type);
        assertThatThrownBy(() -> PipelineSetup.resolve("cdc.yml", pipeline))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("cdc.yml: pipeline '" + name + "': tables[0].columns.v: catalog."
                        + name.replace('-', '_') + ".v " + message);
    }

    @ParameterizedTest(name = "{1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "w-varchar  | varchar(50)   | varchar(100)",
                "w-text     | varchar(50)   | text",
                "w-numeric  | numeric(10,1) | numeric(12,2)",
                "w-int      | int           | bigint",
                "w-intnum   | int           | numeric(10,0)",
                "w-seconds  | timestamptz(3)| timestamptz",
                "w-same     | numeric(12,2) | numeric(12,2)",
                "w-uuid     | uuid          | varchar(36)"
            })
    void acceptsAnEqualOrWiderTarget(String name, String sourceType, String targetType) {
        List<TableMapping> mappings = PipelineSetup.resolve("cdc.yml", pipeline(name, sourceType, targetType));
        assertThat(mappings.get(0).columns())
                .extracting(TableMapping.Column::target)
                .containsExactly("id", "v");
    }
}
