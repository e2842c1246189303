package dev.banyan.cdc.engine;

import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import dev.banyan.cdc.config.BridgeConfig;
import dev.banyan.cdc.support.Catalog;
import dev.banyan.cdc.support.CatalogSchema;
import dev.banyan.cdc.support.Configs;
import dev.banyan.cdc.support.TestDatabases;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The catalog-forward pipeline on real PostgreSQL: snapshot, streamed inserts/updates/deletes, the column renames of the
 * contract, every kind of value, multi-row COPY, and a restart.
 */
class CatalogForwardIntegrationTests {

    static TestDatabases.Pair db;
    static Bridge bridge;
    static SimpleMeterRegistry registry = new SimpleMeterRegistry();
    static UUID seededRestaurant;

    @TempDir
    static Path dir;

    static final String RESTAURANT_SRC =
            "id, name, category_code, phone, address, minimum_order_amount, delivery_fee, status, created_at, updated_at, version";
    static final String RESTAURANT_DST =
            "id, name, category_code, phone_number, address, minimum_order_amount, delivery_fee, status, created_at, updated_at, version";
    static final String MENU_SRC =
            "id, restaurant_id, name, description, price, available, created_at, updated_at, version";
    static final String MENU_DST =
            "id, restaurant_id, name, description, price_krw, available, created_at, updated_at, version";
    static final String SINK =
            "id, label, amount, ratio, born, seen_at, happened_at, opens, payload, raw, tags, note, nothing, flag";

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabases.pair("forward");
        String sink = "create table %s.kitchen_sink (id bigint primary key, label text, amount numeric(14,3), "
                + "ratio double precision, born date, seen_at timestamp, happened_at timestamptz, opens time, payload jsonb, "
                + "raw bytea, tags text[], note text, nothing text, flag boolean)";
        db.execMonolith(sink.formatted("catalog"));
        db.execCatalog(sink.formatted("public"));
        try (Connection m = db.monolith()) {
            Catalog.category(m, "chicken", "치킨", 1);
            Catalog.category(m, "korean", "한식", 2);
            seededRestaurant = Catalog.restaurant(m, "catalog", "phone", "교촌치킨 강남점", "chicken", "02-555-1234");
            Catalog.restaurant(m, "catalog", "phone", "전화 없는 집", "korean", null);
            Catalog.menuItem(m, "catalog", "price", seededRestaurant, "허니콤보", "달콤한 간장 치킨", 23_000);
            m.createStatement()
                    .execute("insert into catalog.opening_hours values ('" + seededRestaurant
                            + "', 1, '10:00', '22:00'), ('" + seededRestaurant + "', 5, '17:00', '02:00')");
        }
        Path config = Configs.write(
                dir,
                Configs.pipeline(
                        "forward-test",
                        db.monolithUrl(),
                        db.catalogUrl(),
                        "",
                        CatalogSchema.FORWARD_TABLES
                                + "      - { from: catalog.kitchen_sink, to: public.kitchen_sink, key: [id] }\n"));
        BridgeConfig cfg = Configs.load(config);
        bridge = Bridge.start(cfg, registry);
    }

    @AfterAll
    static void stop() {
        if (bridge != null) {
            bridge.close();
        }
        db.dropSlots();
    }

    static void awaitInSync() {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    try (Connection m = db.monolith();
                            Connection c = db.catalog()) {
                        assertThat(Catalog.checksum(c, "public.category", "code, name, sort_order", "code"))
                                .isEqualTo(Catalog.checksum(m, "catalog.category", "code, name, sort_order", "code"));
                        assertThat(Catalog.checksum(c, "public.restaurant", RESTAURANT_DST, "id"))
                                .isEqualTo(Catalog.checksum(m, "catalog.restaurant", RESTAURANT_SRC, "id"));
                        assertThat(Catalog.checksum(
                                        c,
                                        "public.opening_hours",
                                        "restaurant_id, day_of_week, opens_at, closes_at",
                                        "restaurant_id, day_of_week"))
                                .isEqualTo(Catalog.checksum(
                                        m,
                                        "catalog.opening_hours",
                                        "restaurant_id, day_of_week, opens_at, closes_at",
                                        "restaurant_id, day_of_week"));
                        assertThat(Catalog.checksum(c, "public.menu_item", MENU_DST, "id"))
                                .isEqualTo(Catalog.checksum(m, "catalog.menu_item", MENU_SRC, "id"));
                        assertThat(Catalog.checksum(c, "public.kitchen_sink", SINK, "id"))
                                .isEqualTo(Catalog.checksum(m, "catalog.kitchen_sink", SINK, "id"));
                    }
                });
    }

    @Test
    void snapshotBackfillsTheTargetWithTheRenamedColumns() throws Exception {
        awaitInSync();
        try (Connection c = db.catalog()) {
            assertThat(Catalog.single(c, "select phone_number from public.restaurant where id = ?", seededRestaurant))
                    .isEqualTo("02-555-1234");
            assertThat(Catalog.single(c, "select name from public.restaurant where id = ?", seededRestaurant))
                    .isEqualTo("교촌치킨 강남점");
            assertThat(Catalog.single(
                            c, "select price_krw from public.menu_item where restaurant_id = ?", seededRestaurant))
                    .isEqualTo("23000");
            assertThat(Catalog.single(
                            c,
                            "select opens_at::text || '-' || closes_at::text from public.opening_hours "
                                    + "where restaurant_id = ? and day_of_week = 1",
                            seededRestaurant))
                    .isEqualTo("10:00:00-22:00:00");
        }
    }

    @Test
    void streamsInsertsUpdatesAndDeletesInCommitOrder() throws Exception {
        awaitInSync();
        UUID restaurant;
        UUID item;
        try (Connection m = db.monolith()) {
            m.setAutoCommit(false);
            // children before their parent in one transaction, more of them than one engine batch (2048) holds:
            // the target's deferred foreign keys accept any order, and the batch must not split the transaction
            restaurant = UUID.randomUUID();
            item = Catalog.menuItem(m, "catalog", "price", restaurant, "떡볶이", null, 4_500);
            m.createStatement()
                    .execute("insert into catalog.menu_item select gen_random_uuid(), '" + restaurant
                            + "', '사이드 ' || g, " + "null, g, true, now(), now(), 1 from generate_series(1, 3000) g");
            m.createStatement()
                    .execute(
                            "insert into catalog.restaurant (id, name, category_code, phone, address, minimum_order_amount, "
                                    + "delivery_fee, status, created_at, updated_at, version) values ('" + restaurant
                                    + "', '신전떡볶이', 'korean', "
                                    + "'010-0000-0000', '부산광역시', 12000, 2000, 'OPEN', now(), now(), 1)");
            m.commit();
            // the same key changed several times: the last image must win
            for (int price = 5_000; price <= 5_900; price += 100) {
                m.createStatement()
                        .execute("update catalog.menu_item set price = " + price
                                + ", updated_at = now(), version = version + 1 where id = '" + item + "'");
                m.commit();
            }
            m.createStatement()
                    .execute("update catalog.restaurant set phone = null, status = 'CLOSED' where id = '" + restaurant
                            + "'");
            m.createStatement().execute("delete from catalog.opening_hours where day_of_week = 5");
            m.commit();
        }
        awaitInSync();
        try (Connection c = db.catalog()) {
            assertThat(Catalog.single(c, "select price_krw from public.menu_item where id = ?", item))
                    .isEqualTo("5900");
            assertThat(Catalog.single(c, "select count(*) from public.menu_item where restaurant_id = ?", restaurant))
                    .isEqualTo("3001");
            assertThat(Catalog.single(c, "select phone_number is null from public.restaurant where id = ?", restaurant))
                    .isEqualTo("t");
            assertThat(Catalog.single(c, "select count(*) from public.opening_hours where day_of_week = 5"))
                    .isEqualTo("0");
        }
        try (Connection m = db.monolith()) {
            m.createStatement().execute("delete from catalog.menu_item where restaurant_id = '" + restaurant + "'");
            m.createStatement().execute("delete from catalog.restaurant where id = '" + restaurant + "'");
        }
        awaitInSync();
        try (Connection c = db.catalog()) {
            assertThat(Catalog.single(c, "select count(*) from public.restaurant where id = ?", restaurant))
                    .isEqualTo("0");
        }
    }

    @Test
    void carriesKoreanTextNumericsTimestampsNullsAndLargeText() throws Exception {
        String large = "가나다라마바사아자차카타파하".repeat(20_000) + UUID.randomUUID();
        try (Connection m = db.monolith();
                Statement st = m.createStatement()) {
            st.execute("insert into catalog.kitchen_sink values "
                    + "(1, '비빔밥 🍚 \"quoted\" \\ back', 12345678901.125, 3.141592653589793, '1999-12-31', '2024-02-29 23:59:59.123456', "
                    + "'2024-06-01 09:00:00.5+09', '23:59:59.999999', '{\"메뉴\": [1, 2.5, null]}', '\\xdeadbeef00', "
                    + "array['김치', 'with,comma', 'with \"quote\"', null], 'short', null, true), "
                    + "(2, null, -0.001, 'NaN', null, null, null, null, null, null, '{}', null, null, false), "
                    + "(3, '큰 글', 0, -1e300, '0001-01-01', '1970-01-01 00:00:00', '1970-01-01 00:00:00+00', '00:00:00', 'null', '\\x', "
                    + "null, '" + large + "', null, null)");
        }
        awaitInSync();
        // an update that leaves the large value untouched: logical decoding does not resend it
        try (Connection m = db.monolith();
                Statement st = m.createStatement()) {
            st.execute("update catalog.kitchen_sink set label = '큰 글 (수정)', amount = 99.999 where id = 3");
        }
        awaitInSync();
        try (Connection c = db.catalog()) {
            assertThat(Catalog.single(c, "select note from public.kitchen_sink where id = 3"))
                    .isEqualTo(large);
            assertThat(Catalog.single(c, "select label from public.kitchen_sink where id = 3"))
                    .isEqualTo("큰 글 (수정)");
            assertThat(Catalog.single(c, "select amount from public.kitchen_sink where id = 1"))
                    .isEqualTo("12345678901.125");
            assertThat(Catalog.single(c, "select tags[3] from public.kitchen_sink where id = 1"))
                    .isEqualTo("with \"quote\"");
            assertThat(Catalog.single(
                            c, "select nothing is null and born is null from public.kitchen_sink where id = 2"))
                    .isEqualTo("t");
        }
    }

    @Test
    void multiRowCopySharingOneLsnIsAppliedOnce() throws Exception {
        awaitInSync();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            rows.append(UUID.randomUUID())
                    .append('\t')
                    .append(seededRestaurant)
                    .append("\t메뉴 ")
                    .append(i)
                    .append("\t\\N\t")
                    .append(1000 + i)
                    .append("\tt\t2024-01-01 00:00:00+00\t2024-01-01 00:00:00+00\t1\n");
        }
        try (Connection m = db.monolith()) {
            long copied = m.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy catalog.menu_item (" + MENU_SRC + ") from stdin", new StringReader(rows.toString()));
            assertThat(copied).isEqualTo(500);
        }
        awaitInSync();
        try (Connection c = db.catalog()) {
            assertThat(Catalog.single(c, "select count(*) from public.menu_item where name like '메뉴 %'"))
                    .isEqualTo("500");
            assertThat(Catalog.single(c, "select sum(price_krw) from public.menu_item where name like '메뉴 %'"))
                    .isEqualTo(String.valueOf(500 * 1000 + 499 * 500 / 2));
        }
    }

    @Test
    void exposesLagBatchSizeAndRetainedWal() {
        awaitInSync();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(registry.get("banyan.cdc.rows.applied")
                            .tag("pipeline", "forward-test")
                            .counter()
                            .count())
                    .isPositive();
            assertThat(registry.get("banyan.cdc.batch.size")
                            .tag("pipeline", "forward-test")
                            .summary()
                            .count())
                    .isPositive();
            assertThat(registry.get("banyan.cdc.lag.milliseconds")
                            .tag("pipeline", "forward-test")
                            .gauge()
                            .value())
                    .isGreaterThanOrEqualTo(0);
            assertThat(registry.get("banyan.cdc.slot.retained.wal.bytes")
                            .tag("pipeline", "forward-test")
                            .gauge()
                            .value())
                    .isGreaterThanOrEqualTo(0);
        });
        assertThat(bridge.pipeline("forward-test").state()).isEqualTo(DebeziumPipeline.State.STREAMING);
    }

    @Test
    void heartbeatsMoveTheSlotWhileTheMappedTablesAreIdle() throws Exception {
        awaitInSync();
        String walNow;
        try (Connection m = db.monolith();
                Statement st = m.createStatement()) {
            // WAL that the publication does not cover: without heartbeats the slot would keep all of it
            st.execute("create table if not exists public.unrelated (id bigint, filler text)");
            st.execute("insert into public.unrelated select g, repeat('x', 200) from generate_series(1, 20000) g");
            walNow = Catalog.single(m, "select pg_current_wal_lsn()::text");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            try (Connection m = db.monolith()) {
                assertThat(Catalog.single(
                                m,
                                "select confirmed_flush_lsn >= ?::pg_lsn from pg_replication_slots where slot_name = 'banyan_forward_test'",
                                walNow))
                        .isEqualTo("t");
            }
        });
    }
}
