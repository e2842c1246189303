package dev.banyan.cdc.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import dev.banyan.cdc.config.ConfigException;
import dev.banyan.cdc.support.Catalog;
import dev.banyan.cdc.support.Configs;
import dev.banyan.cdc.support.TestDatabases;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A table added to the mapping of a pipeline that already snapshotted would never get its existing rows: start-up
 * refuses it, names the table and says how to backfill it; doing what the message says backfills it.
 */
class AddedTableIntegrationTests {

    static TestDatabases.Pair db;

    @TempDir
    static Path dir;

    static final String FIRST_TABLES = """
                tables:
                  - { from: catalog.category, to: public.category, key: [code] }
                  - { from: catalog.restaurant, to: public.restaurant, key: [id], columns: { phone: phone_number } }
            """;
    static final String WITH_MENU = FIRST_TABLES
            + "      - { from: catalog.menu_item, to: public.menu_item, key: [id], columns: { price: price_krw } }\n";

    @BeforeAll
    static void seed() throws Exception {
        db = TestDatabases.pair("grow");
        try (Connection m = db.monolith()) {
            Catalog.category(m, "chicken", "치킨", 1);
            UUID restaurant = Catalog.restaurant(m, "catalog", "phone", "메뉴 늦게 추가", "chicken", null);
            for (int i = 0; i < 25; i++) {
                Catalog.menuItem(m, "catalog", "price", restaurant, "메뉴 " + i, null, 1000 + i);
            }
        }
    }

    @AfterAll
    static void cleanUp() {
        db.dropSlots();
    }

    @Test
    void refusesATableAddedAfterTheSnapshotAndTheRemedyItNamesBackfillsIt() throws Exception {
        Path first = Configs.write(dir, Configs.pipeline("grow", db.monolithUrl(), db.catalogUrl(), "", FIRST_TABLES));
        try (Bridge bridge = Bridge.start(Configs.load(first), new SimpleMeterRegistry())) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> bridge.pipeline("grow").state() == DebeziumPipeline.State.STREAMING
                            && count("public.restaurant") == 1);
            // let the engine store a streaming offset
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> count("banyan_cdc.engine_offset where pipeline = 'grow' "
                                    + "and convert_from(offset_value, 'UTF8') not like '%\"snapshot\":true%'")
                            == 1);
        }

        Path grown = Configs.write(dir, Configs.pipeline("grow", db.monolithUrl(), db.catalogUrl(), "", WITH_MENU));
        assertThatThrownBy(() -> Bridge.start(Configs.load(grown), new SimpleMeterRegistry()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        grown + ": pipeline 'grow': tables[2].from: catalog.menu_item was added to a pipeline "
                                + "that has already snapshotted, so its existing rows were never copied to public.menu_item")
                .hasMessageContaining("select pg_drop_replication_slot('banyan_grow')")
                .hasMessageContaining("alter publication banyan_grow add table \"catalog\".\"menu_item\"");
        assertThat(count("public.menu_item")).isZero();

        // the remedy the message names: snapshot the pipeline again
        try (Connection m = db.monolith();
                Statement st = m.createStatement()) {
            st.execute("select pg_drop_replication_slot('banyan_grow')");
        }
        db.execCatalog(
                "delete from banyan_cdc.engine_offset where pipeline = 'grow'; delete from banyan_cdc.applied_position where pipeline = 'grow'");
        try (Bridge bridge = Bridge.start(Configs.load(grown), new SimpleMeterRegistry())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> count("public.menu_item") == 25);
        }
    }

    private static long count(String table) throws Exception {
        try (Connection c = db.catalog()) {
            return Catalog.count(c, table);
        }
    }
}
