package dev.banyan.cdc.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import dev.banyan.cdc.support.Catalog;
import dev.banyan.cdc.support.CatalogSchema;
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
 * A snapshot interrupted part-way, then rows deleted on the source while the bridge is down: the restarted snapshot
 * must leave the target equal to the source, and must not touch target rows the bridge never wrote.
 */
class SnapshotRestartIntegrationTests {

    static final int ITEMS = 30_000;
    static TestDatabases.Pair db;
    static Path config;

    @TempDir
    static Path dir;

    @BeforeAll
    static void seed() throws Exception {
        db = TestDatabases.pair("resnapshot");
        try (Connection m = db.monolith();
                Statement st = m.createStatement()) {
            Catalog.category(m, "chicken", "치킨", 1);
            st.execute(
                    "insert into catalog.restaurant select gen_random_uuid(), '식당 ' || g, 'chicken', null, '서울', 10000, 2000, "
                            + "'OPEN', now(), now(), 1 from generate_series(1, 10) g");
            st.execute(
                    "insert into catalog.menu_item select gen_random_uuid(), (select id from catalog.restaurant order by id offset (g % 10) limit 1), "
                            + "'메뉴 ' || g, null, g, true, now(), now(), 1 from generate_series(1, " + ITEMS + ") g");
        }
        config = Configs.write(
                dir,
                Configs.pipeline(
                        "resnapshot",
                        db.monolithUrl(),
                        db.catalogUrl(),
                        "batch-size: 200\n",
                        CatalogSchema.FORWARD_TABLES));
    }

    @AfterAll
    static void cleanUp() {
        db.dropSlots();
    }

    @Test
    void aSnapshotRestartedAfterAnInterruptionRemovesRowsTheSourceDeletedMeanwhileAndKeepsRowsTheBridgeNeverWrote()
            throws Exception {
        try (Bridge first = Bridge.start(Configs.load(config), new SimpleMeterRegistry())) {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> targetItems() >= 2_000);
        }
        long copied = targetItems();
        assertThat(copied).as("interrupted mid-snapshot").isLessThan(ITEMS);

        // while the bridge is down: the source deletes 500 rows the first attempt had copied and 100 it had not
        UUID foreign = UUID.randomUUID();
        try (Connection c = db.catalog();
                Statement st = c.createStatement();
                Connection m = db.monolith();
                Statement ms = m.createStatement()) {
            StringBuilder copiedIds = new StringBuilder();
            try (var rs = st.executeQuery("select id from public.menu_item order by id limit 500")) {
                while (rs.next()) {
                    copiedIds
                            .append(copiedIds.isEmpty() ? "" : ",")
                            .append('\'')
                            .append(rs.getString(1))
                            .append('\'');
                }
            }
            assertThat(ms.executeUpdate("delete from catalog.menu_item where id in (" + copiedIds + ")"))
                    .isEqualTo(500);
            assertThat(ms.executeUpdate("delete from catalog.menu_item where id in (select id from catalog.menu_item "
                            + "order by id desc limit 100)"))
                    .isEqualTo(100);
            // a row the service wrote itself: the bridge must never delete it
            st.execute("insert into public.menu_item select '" + foreign
                    + "', restaurant_id, '서비스 메뉴', null, 1, true, now(), now(), 1 " + "from public.menu_item limit 1");
        }

        try (Bridge second = Bridge.start(Configs.load(config), new SimpleMeterRegistry())) {
            String notForeign = "(select * from public.menu_item where id <> '" + foreign + "') m";
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> {
                        try (Connection m = db.monolith();
                                Connection c = db.catalog()) {
                            assertThat(Catalog.checksum(c, notForeign, CatalogForwardIntegrationTests.MENU_DST, "id"))
                                    .isEqualTo(Catalog.checksum(
                                            m, "catalog.menu_item", CatalogForwardIntegrationTests.MENU_SRC, "id"))
                                    .startsWith((ITEMS - 600) + ":");
                        }
                    });
            assertThat(second.pipeline("resnapshot").state()).isEqualTo(DebeziumPipeline.State.STREAMING);
        }
        try (Connection c = db.catalog()) {
            assertThat(Catalog.single(c, "select name from public.menu_item where id = ?", foreign))
                    .isEqualTo("서비스 메뉴");
        }
    }

    private static long targetItems() throws Exception {
        try (Connection c = db.catalog()) {
            return Catalog.count(c, "public.menu_item");
        }
    }
}
