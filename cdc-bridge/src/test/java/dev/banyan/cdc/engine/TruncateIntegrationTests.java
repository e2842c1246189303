package dev.banyan.cdc.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import dev.banyan.cdc.support.Catalog;
import dev.banyan.cdc.support.Configs;
import dev.banyan.cdc.support.TestDatabases;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Source {@code TRUNCATE}s reach the target in both directions, and the bridge's own emptying of a table is not sent
 * back. Each test works on its own restaurant-free table so the two directions do not disturb each other.
 */
class TruncateIntegrationTests {

    static TestDatabases.Pair db;
    static Bridge bridge;
    static DebeziumPipeline forward;
    static DebeziumPipeline reverse;

    @TempDir
    static Path dir;

    static final String TAG = "create table %s.tag (id int primary key, label text not null)";
    static final String NOTE =
            "create table %s.note (id int primary key, tag_id int references %s.tag(id) deferrable initially deferred, body text)";

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabases.pair("truncate");
        for (String schema : new String[] {"catalog", "public"}) {
            String sql = TAG.formatted(schema) + ";\n" + NOTE.formatted(schema, schema) + ";\n"
                    + "create table %s.memo (id int primary key, body text)".formatted(schema);
            if (schema.equals("catalog")) {
                db.execMonolith(sql);
            } else {
                db.execCatalog(sql);
            }
        }
        String forwardTables = """
                    tables:
                      - { from: catalog.tag, to: public.tag, key: [id] }
                      - { from: catalog.note, to: public.note, key: [id] }
                      - { from: catalog.memo, to: public.memo, key: [id] }
                """;
        String reverseTables = forwardTables
                .replace("catalog.", "source.")
                .replace("public.", "catalog.")
                .replace("source.", "public.");
        Path config = Configs.write(
                dir,
                Configs.pipeline("truncate-forward", db.monolithUrl(), db.catalogUrl(), "", forwardTables),
                Configs.pipeline(
                        "truncate-reverse", db.catalogUrl(), db.monolithUrl(), "snapshot: never\n", reverseTables));
        bridge = Bridge.start(Configs.load(config), new SimpleMeterRegistry());
        forward = bridge.pipeline("truncate-forward");
        reverse = bridge.pipeline("truncate-reverse");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> forward.state() == DebeziumPipeline.State.STREAMING
                        && reverse.state() == DebeziumPipeline.State.STREAMING);
    }

    @AfterAll
    static void stop() {
        if (bridge != null) {
            bridge.close();
        }
        db.dropSlots();
    }

    @Test
    void aSourceTruncateOfRelatedTablesInOneStatementEmptiesBothTargetTablesAndIsNotEchoed() throws Exception {
        try (Connection m = db.monolith();
                Statement st = m.createStatement()) {
            st.execute("insert into catalog.tag select g, '태그 ' || g from generate_series(1, 20) g");
            st.execute("insert into catalog.note select g, 1 + g % 20, '메모 ' || g from generate_series(1, 50) g");
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(db.catalog(), "public.note") == 50 && count(db.catalog(), "public.tag") == 20);
        double echoesBefore = reverse.metrics().echoSuppressedCount();

        try (Connection m = db.monolith();
                Statement st = m.createStatement()) {
            st.execute("truncate catalog.note, catalog.tag");
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(db.catalog(), "public.note") == 0 && count(db.catalog(), "public.tag") == 0);
        // the reverse pipeline reads the bridge's 70 deletes and drops them as its own writes
        await().atMost(Duration.ofSeconds(30))
                .until(() -> reverse.metrics().echoSuppressedCount() >= echoesBefore + 70);
        try (Connection m = db.monolith();
                Statement st = m.createStatement()) {
            st.execute("insert into catalog.tag values (100, '다시')");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count(db.catalog(), "public.tag") == 1);
        assertThat(count(db.monolith(), "catalog.tag")).isEqualTo(1);
    }

    @Test
    void aTruncateOnTheServiceSideReachesTheMonolithAndIsNotEchoed() throws Exception {
        try (Connection c = db.catalog();
                Statement st = c.createStatement()) {
            st.execute("insert into public.memo select g, '서비스 메모 ' || g from generate_series(1, 30) g");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count(db.monolith(), "catalog.memo") == 30);
        double echoesBefore = forward.metrics().echoSuppressedCount();

        try (Connection c = db.catalog();
                Statement st = c.createStatement()) {
            st.execute("truncate public.memo");
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> count(db.monolith(), "catalog.memo") == 0);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> forward.metrics().echoSuppressedCount() >= echoesBefore + 30);
        try (Connection c = db.catalog();
                Statement st = c.createStatement()) {
            st.execute("insert into public.memo values (1, '남은 메모')");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count(db.monolith(), "catalog.memo") == 1);
        assertThat(count(db.catalog(), "public.memo")).isEqualTo(1);
    }

    private static long count(Connection connection, String table) throws Exception {
        try (Connection c = connection) {
            return Catalog.count(c, table);
        }
    }
}
