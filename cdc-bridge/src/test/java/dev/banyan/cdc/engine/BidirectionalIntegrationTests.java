package dev.banyan.cdc.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import dev.banyan.cdc.support.Catalog;
import dev.banyan.cdc.support.CatalogSchema;
import dev.banyan.cdc.support.Configs;
import dev.banyan.cdc.support.TestDatabases;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Forward (monolith to catalog-service) and reverse (back) running together: writes on either side reach the other,
 * the bridge's own writes are never echoed, and a key written on both sides converges under last-writer-wins.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BidirectionalIntegrationTests {

    static TestDatabases.Pair db;
    static Bridge bridge;
    static DebeziumPipeline forward;
    static DebeziumPipeline reverse;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabases.pair("bidi");
        try (Connection m = db.monolith()) {
            Catalog.category(m, "chicken", "치킨", 1);
        }
        Path config = Configs.write(
                dir,
                Configs.pipeline(
                        "bidi-forward",
                        db.monolithUrl(),
                        db.catalogUrl(),
                        "conflicts: { policy: last-writer-wins, wins-ties: true }\n",
                        CatalogSchema.FORWARD_TABLES),
                Configs.pipeline(
                        "bidi-reverse",
                        db.catalogUrl(),
                        db.monolithUrl(),
                        "snapshot: never\nconflicts: { policy: last-writer-wins, wins-ties: false }\n",
                        CatalogSchema.REVERSE_TABLES));
        bridge = Bridge.start(Configs.load(config), new SimpleMeterRegistry());
        forward = bridge.pipeline("bidi-forward");
        reverse = bridge.pipeline("bidi-reverse");
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

    static String xmin(Connection c, String table, UUID id) throws SQLException {
        return Catalog.single(c, "select xmin::text from " + table + " where id = ?", id);
    }

    @Test
    @Order(1) // first, so no change of another test is still in flight when the counters are read
    void writesOnEitherSideArriveOnTheOtherAndAreNeverEchoedBack() throws Exception {
        // monolith -> service
        double reverseEchoes = reverse.metrics().echoSuppressedCount();
        double reverseApplied = reverse.metrics().rowsAppliedCount();
        UUID restaurant;
        String monolithXmin;
        try (Connection m = db.monolith()) {
            restaurant = Catalog.restaurant(m, "catalog", "phone", "양방향 치킨", "chicken", "02-111-2222");
            monolithXmin = xmin(m, "catalog.restaurant", restaurant);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            try (Connection c = db.catalog()) {
                assertThat(Catalog.single(c, "select phone_number from public.restaurant where id = ?", restaurant))
                        .isEqualTo("02-111-2222");
            }
        });
        // the reverse pipeline reads the forward pipeline's write and drops it
        await().atMost(Duration.ofSeconds(30)).until(() -> reverse.metrics().echoSuppressedCount() > reverseEchoes);
        assertThat(reverse.metrics().rowsAppliedCount()).isEqualTo(reverseApplied);
        try (Connection m = db.monolith()) {
            assertThat(xmin(m, "catalog.restaurant", restaurant)).isEqualTo(monolithXmin);
        }

        // service -> monolith
        double forwardEchoes = forward.metrics().echoSuppressedCount();
        double forwardApplied = forward.metrics().rowsAppliedCount();
        UUID item;
        String serviceXmin;
        try (Connection c = db.catalog()) {
            item = Catalog.menuItem(c, "public", "price_krw", restaurant, "서비스에서 만든 메뉴", "설명", 18_000);
            serviceXmin = xmin(c, "public.menu_item", item);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            try (Connection m = db.monolith()) {
                assertThat(Catalog.single(m, "select price from catalog.menu_item where id = ?", item))
                        .isEqualTo("18000");
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> forward.metrics().echoSuppressedCount() > forwardEchoes);
        assertThat(forward.metrics().rowsAppliedCount()).isEqualTo(forwardApplied);
        try (Connection c = db.catalog()) {
            assertThat(xmin(c, "public.menu_item", item)).isEqualTo(serviceXmin);
        }
    }

    @Test
    void aKeyWrittenOnBothSidesConvergesOnTheNewerVersion() throws Exception {
        UUID id = createAndAwait("경합 식당");
        try (Connection m = db.monolith();
                Connection c = db.catalog()) {
            m.setAutoCommit(false);
            c.setAutoCommit(false);
            m.createStatement()
                    .execute(
                            "update catalog.restaurant set name = '모놀리스 (older)', updated_at = '2030-01-01T10:00:00Z' where id = '"
                                    + id + "'");
            c.createStatement()
                    .execute(
                            "update public.restaurant set name = '서비스 (newer)', updated_at = '2030-01-01T10:00:01Z' where id = '"
                                    + id + "'");
            m.commit();
            c.commit();
        }
        awaitBothSides(id, "서비스 (newer)");
    }

    @Test
    void aTieOnTheVersionGoesToThePipelineThatWinsTies() throws Exception {
        UUID id = createAndAwait("동점 식당");
        try (Connection m = db.monolith();
                Connection c = db.catalog()) {
            m.setAutoCommit(false);
            c.setAutoCommit(false);
            m.createStatement()
                    .execute(
                            "update catalog.restaurant set name = '모놀리스 (tie)', updated_at = '2031-01-01T00:00:00Z' where id = '"
                                    + id + "'");
            c.createStatement()
                    .execute(
                            "update public.restaurant set name = '서비스 (tie)', updated_at = '2031-01-01T00:00:00Z' where id = '"
                                    + id + "'");
            c.commit();
            m.commit();
        }
        // the forward pipeline (source: monolith) is configured with wins-ties: true
        awaitBothSides(id, "모놀리스 (tie)");
    }

    @Test
    void aDeleteOnOneSideWinsOverANewerUpdateOnTheOther() throws Exception {
        UUID id = createAndAwait("삭제 경합");
        try (Connection m = db.monolith();
                Connection c = db.catalog()) {
            m.setAutoCommit(false);
            c.setAutoCommit(false);
            m.createStatement().execute("delete from catalog.restaurant where id = '" + id + "'");
            c.createStatement()
                    .execute(
                            "update public.restaurant set name = '수정', updated_at = '2032-01-01T00:00:00Z' where id = '"
                                    + id + "'");
            m.commit();
            c.commit();
        }
        awaitBothSides(id, null);
    }

    private static UUID createAndAwait(String name) throws Exception {
        UUID id;
        try (Connection m = db.monolith()) {
            id = Catalog.restaurant(m, "catalog", "phone", name, "chicken", null);
        }
        awaitBothSides(id, name);
        return id;
    }

    private static void awaitBothSides(UUID id, String name) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            try (Connection m = db.monolith();
                    Connection c = db.catalog()) {
                assertThat(Catalog.single(m, "select name from catalog.restaurant where id = ?", id))
                        .isEqualTo(name);
                assertThat(Catalog.single(c, "select name from public.restaurant where id = ?", id))
                        .isEqualTo(name);
                assertThat(Catalog.single(c, "select updated_at::text from public.restaurant where id = ?", id))
                        .isEqualTo(
                                Catalog.single(m, "select updated_at::text from catalog.restaurant where id = ?", id));
            }
        });
    }
}
