package dev.banyan.cdc.engine;

import java.nio.file.Path;
import java.sql.Connection;
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
 * Source schema changes and target rejections through the whole pipeline: a new source column is ignored, a record the
 * target rejects is parked in the dead-letter table with its reason while the stream goes on, and a mapped column
 * dropped from the source halts the pipeline with a clear message.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchemaAndRejectionIntegrationTests {

    static TestDatabases.Pair db;
    static Bridge bridge;
    static DebeziumPipeline pipeline;
    static UUID restaurant;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabases.pair("guard");
        db.execCatalog("alter table public.menu_item add constraint price_sane check (price_krw < 1000000)");
        try (Connection m = db.monolith()) {
            Catalog.category(m, "chicken", "치킨", 1);
            restaurant = Catalog.restaurant(m, "catalog", "phone", "가드 식당", "chicken", "02-1");
        }
        Path config = Configs.write(
                dir,
                Configs.pipeline(
                        "guard",
                        db.monolithUrl(),
                        db.catalogUrl(),
                        "on-reject: dead-letter\n",
                        CatalogSchema.FORWARD_TABLES));
        bridge = Bridge.start(Configs.load(config), new SimpleMeterRegistry());
        pipeline = bridge.pipeline("guard");
        await().atMost(Duration.ofSeconds(60)).until(() -> pipeline.state() == DebeziumPipeline.State.STREAMING);
    }

    @AfterAll
    static void stop() {
        if (bridge != null) {
            bridge.close();
        }
        db.dropSlots();
    }

    @Test
    @Order(1)
    void ignoresANewUnmappedSourceColumn() throws Exception {
        db.execMonolith("alter table catalog.restaurant add column rating numeric(2,1)");
        UUID id;
        try (Connection m = db.monolith()) {
            id = Catalog.restaurant(m, "catalog", "phone", "새 컬럼 식당", "chicken", "02-2");
            m.createStatement().execute("update catalog.restaurant set rating = 4.5 where id = '" + id + "'");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            try (Connection c = db.catalog()) {
                assertThat(Catalog.single(c, "select name from public.restaurant where id = ?", id))
                        .isEqualTo("새 컬럼 식당");
            }
        });
        assertThat(pipeline.state()).isEqualTo(DebeziumPipeline.State.STREAMING);
    }

    @Test
    @Order(2)
    void parksARejectedRecordWithItsReasonAndKeepsStreaming() throws Exception {
        UUID rejected;
        UUID accepted;
        try (Connection m = db.monolith()) {
            rejected = Catalog.menuItem(m, "catalog", "price", restaurant, "황금 치킨", null, 5_000_000);
            accepted = Catalog.menuItem(m, "catalog", "price", restaurant, "보통 치킨", null, 18_000);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            try (Connection c = db.catalog()) {
                assertThat(Catalog.single(c, "select name from public.menu_item where id = ?", accepted))
                        .isEqualTo("보통 치킨");
                assertThat(Catalog.single(
                                c,
                                "select reason from banyan_cdc.dead_letter where pipeline = 'guard' and record_key = ?",
                                "id=" + rejected))
                        .contains("price_sane");
                assertThat(Catalog.single(
                                c,
                                "select record->>'price_krw' from banyan_cdc.dead_letter where record_key = ?",
                                "id=" + rejected))
                        .isEqualTo("5000000");
                assertThat(Catalog.single(c, "select count(*) from public.menu_item where id = ?", rejected))
                        .isEqualTo("0");
            }
        });
        assertThat(pipeline.state()).isEqualTo(DebeziumPipeline.State.STREAMING);
    }

    @Test
    @Order(3)
    void haltsWhenAMappedColumnIsDroppedFromTheSource() throws Exception {
        db.execMonolith("alter table catalog.restaurant drop column phone");
        try (Connection m = db.monolith()) {
            m.createStatement()
                    .execute("update catalog.restaurant set name = '전화 컬럼 삭제 후' where id = '" + restaurant + "'");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> pipeline.state() == DebeziumPipeline.State.HALTED);
        assertThat(pipeline.haltReason())
                .isEqualTo("pipeline 'guard' halted: mapped column(s) [phone] of catalog.restaurant no longer "
                        + "exist in the source (change at "
                        + pipeline.haltReason().replaceAll(".*\\(change at (.*)\\)\\..*", "$1")
                        + "). Restore the column(s) in the source or remove them from the mapping, then restart.");
        try (Connection c = db.catalog()) {
            assertThat(Catalog.single(c, "select name from public.restaurant where id = ?", restaurant))
                    .isEqualTo("가드 식당");
        }
    }
}
