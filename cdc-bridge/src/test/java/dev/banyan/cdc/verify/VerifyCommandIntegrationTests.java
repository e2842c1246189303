package dev.banyan.cdc.verify;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import dev.banyan.cdc.CdcBridgeApplicationAccess;
import dev.banyan.cdc.support.CatalogSchema;
import dev.banyan.cdc.support.Configs;
import dev.banyan.cdc.support.TestDatabases;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code verify --config} on two real databases: in sync, then with injected drift of every kind (missing, extra and
 * differing keys, including a renamed column), then configuration and connection errors. Chunks are kept small so the
 * chunked merge crosses many chunk boundaries.
 */
class VerifyCommandIntegrationTests {

    static TestDatabases.Pair db;
    static Path config;

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() {
        db = TestDatabases.pair("verify");
        config = Configs.write(
                dir,
                Configs.pipeline(
                        "verify-forward", db.monolithUrl(), db.catalogUrl(), "", CatalogSchema.FORWARD_TABLES));
    }

    @BeforeEach
    void sameDataOnBothSides() {
        String data = """
                delete from %1$s.menu_item; delete from %1$s.opening_hours; delete from %1$s.restaurant; delete from %1$s.category;
                insert into %1$s.category values ('chicken', '치킨', 1), ('pizza', '피자', 2), ('korean', '한식', 3);
                insert into %1$s.restaurant select ('00000000-0000-0000-0000-' || lpad(g::text, 12, '0'))::uuid, '식당 ' || g,
                  'chicken', case when g %% 7 = 0 then null else '02-' || g end, '서울 ' || g, 10000, 2000, 'OPEN',
                  '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', 1 from generate_series(1, 2500) g;
                insert into %1$s.opening_hours select ('00000000-0000-0000-0000-' || lpad(g::text, 12, '0'))::uuid, d, '10:00', '22:00'
                  from generate_series(1, 300) g, generate_series(1, 7) d;
                insert into %1$s.menu_item (id, restaurant_id, name, description, %2$s, available, created_at, updated_at, version)
                  select ('10000000-0000-0000-0000-' || lpad(g::text, 12, '0'))::uuid, ('00000000-0000-0000-0000-' || lpad((g %% 2500 + 1)::text, 12, '0'))::uuid,
                  '메뉴 ' || g, null, 1000 + g, true, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', 1 from generate_series(1, 4000) g;
                """;
        db.execMonolith(data.formatted("catalog", "price"));
        db.execCatalog(data.formatted("public", "price_krw"));
    }

    record Result(int exit, String out, String err) {}

    static Result verify(String... extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = new String[3 + extra.length];
        args[0] = "verify";
        args[1] = "--config";
        args[2] = config.toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        int exit = new CdcBridgeApplicationAccess(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void reportsInSyncWithExitZero() {
        Result result = verify("--chunk-size", "700");
        assertThat(result.exit()).isZero();
        assertThat(result.out())
                .contains("catalog.menu_item -> public.menu_item: source 4000 rows, target 4000 rows: in sync")
                .contains("catalog.opening_hours -> public.opening_hours: source 2100 rows, target 2100 rows: in sync")
                .contains("result: IN SYNC (4 table(s))");
    }

    @Test
    void catchesMissingExtraAndDifferingKeysWithSamplesAndExitOne() throws Exception {
        try (Connection c = db.catalog();
                Statement st = c.createStatement()) {
            st.execute("delete from public.menu_item where id = '10000000-0000-0000-0000-000000001234'");
            st.execute("insert into public.menu_item values ('20000000-0000-0000-0000-000000000001', "
                    + "'00000000-0000-0000-0000-000000000001', '유령 메뉴', null, 1, true, now(), now(), 1)");
            st.execute("update public.menu_item set price_krw = 999 where id = '10000000-0000-0000-0000-000000000777'");
            st.execute(
                    "update public.restaurant set phone_number = '010-9999-9999' where id = '00000000-0000-0000-0000-000000000042'");
            st.execute(
                    "delete from public.opening_hours where restaurant_id = '00000000-0000-0000-0000-000000000299' and day_of_week = 7");
        }
        Result result = verify("--chunk-size", "500", "--samples", "3");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out())
                .contains(
                        "catalog.menu_item -> public.menu_item: source 4000 rows, target 4000 rows: DRIFT (missing 1, extra 1, differing 1)")
                .contains("missing in target: id=10000000-0000-0000-0000-000000001234")
                .contains("extra in target:   id=20000000-0000-0000-0000-000000000001")
                .contains(
                        "differs:           id=10000000-0000-0000-0000-000000000777 [price->price_krw: '1777' vs '999']")
                .contains(
                        "differs:           id=00000000-0000-0000-0000-000000000042 [phone->phone_number: NULL vs '010-9999-9999']")
                .contains("missing in target: restaurant_id=00000000-0000-0000-0000-000000000299, day_of_week=7")
                .contains("catalog.category -> public.category: source 3 rows, target 3 rows: in sync")
                .contains("result: DRIFT in 3 of 4 table(s) (missing 2, extra 1, differing 2)");
    }

    @Test
    void exitsTwoOnAConfigurationError() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yml"), """
                pipelines:
                  - name: broken
                    source: { url: "jdbc:postgresql://localhost:1/x", user: postgres }
                    target: { url: "jdbc:postgresql://localhost:1/y", user: postgres }
                    tables:
                      - { from: catalog.category, to: public.category }
                """);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new CdcBridgeApplicationAccess(
                        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true))
                .execute("verify", "--config", bad.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("bad.yml:6: pipeline 'broken': tables[0].key: is missing");
    }

    @Test
    void exitsTwoWhenADatabaseCannotBeReached() throws Exception {
        Path unreachable = Configs.write(
                dir,
                Configs.pipeline(
                        "unreachable",
                        "jdbc:postgresql://localhost:1/nowhere",
                        db.catalogUrl(),
                        "",
                        CatalogSchema.FORWARD_TABLES));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new CdcBridgeApplicationAccess(
                        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true))
                .execute("verify", "--config", unreachable.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .contains("pipeline 'unreachable': source: cannot connect to jdbc:postgresql://localhost:1/nowhere");
    }

    @Test
    void exitsTwoWhenAMappedColumnDoesNotExist() throws Exception {
        Path wrongColumn =
                Configs.write(dir, Configs.pipeline("wrong-column", db.monolithUrl(), db.catalogUrl(), "", """
                    tables:
                      - { from: catalog.menu_item, to: public.menu_item, key: [id], columns: { price: cost } }
                """));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new CdcBridgeApplicationAccess(
                        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true))
                .execute("verify", "--config", wrongColumn.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .contains(
                        "pipeline 'wrong-column': tables[0].columns.price: target table public.menu_item has no column 'cost'");
    }

    @Test
    void runExitsTwoWhenItCannotReachADatabase() throws Exception {
        Path unreachable = Configs.write(
                dir,
                Configs.pipeline(
                        "run-unreachable",
                        db.monolithUrl(),
                        "jdbc:postgresql://localhost:1/nowhere",
                        "",
                        CatalogSchema.FORWARD_TABLES));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new CdcBridgeApplicationAccess(
                        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true))
                .execute(
                        "run",
                        "--config",
                        unreachable.toString(),
                        "--server.port=0",
                        "--spring.autoconfigure.exclude=dev.banyan.embedded.boot.EmbeddedPostgresAutoConfiguration,"
                                + "dev.banyan.embedded.kafka.boot.EmbeddedKafkaAutoConfiguration");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .contains(
                        "pipeline 'run-unreachable': target: cannot connect to jdbc:postgresql://localhost:1/nowhere");
    }

    @Test
    void rejectsUnknownArgumentsWithUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new CdcBridgeApplicationAccess(
                        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true))
                .execute("verify", "--config", config.toString(), "--chunk-size", "ten");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .contains("Invalid value for option '--chunk-size': 'ten' is not an int")
                .contains("Usage: cdc-bridge verify");
    }

    @Test
    void checksOnlyThePipelineNamedWithAnEqualsSign() throws Exception {
        Path two = Configs.write(
                dir,
                Configs.pipeline("verify-forward", db.monolithUrl(), db.catalogUrl(), "", CatalogSchema.FORWARD_TABLES),
                Configs.pipeline(
                        "elsewhere",
                        "jdbc:postgresql://localhost:1/nowhere",
                        db.catalogUrl(),
                        "slot: banyan_elsewhere",
                        CatalogSchema.FORWARD_TABLES));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new CdcBridgeApplicationAccess(
                        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true))
                .execute("verify", "--config=" + two, "--pipeline=verify-forward", "--chunk-size=700");
        assertThat(err.toString()).doesNotContain("elsewhere");
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("pipeline verify-forward:")
                .doesNotContain("elsewhere")
                .contains("result: IN SYNC (4 table(s))");
    }
}
