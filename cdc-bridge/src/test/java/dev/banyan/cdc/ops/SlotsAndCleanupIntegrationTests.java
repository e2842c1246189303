package dev.banyan.cdc.ops;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.banyan.cdc.config.BridgeConfig;
import dev.banyan.cdc.engine.Bridge;
import dev.banyan.cdc.engine.DebeziumPipeline;
import dev.banyan.cdc.support.Configs;
import dev.banyan.cdc.support.TestDatabases;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replication slots on a real source: retained WAL of an idle pipeline slot and of an orphaned bridge slot, the warning
 * above {@code retained-wal-warning}, and {@code cleanup}: refused while the slot is read, cancelled without the
 * confirmation, complete with it, and for an orphaned slot named on the command line.
 */
class SlotsAndCleanupIntegrationTests {

    static final String CATEGORY = """
                tables:
                  - { from: catalog.category, to: public.category, key: [code] }
            """;

    @TempDir
    static Path dir;

    static TestDatabases.Pair db;

    @BeforeAll
    static void setUp() {
        db = TestDatabases.pair("slots");
    }

    @AfterAll
    static void tearDown() {
        db.dropSlots();
    }

    static Path config(String header, String... pipelines) throws Exception {
        StringBuilder yaml = new StringBuilder(header).append("pipelines:\n");
        for (String name : pipelines) {
            yaml.append(Configs.pipeline(name, db.monolithUrl(), db.catalogUrl(), "", CATEGORY));
        }
        return Files.writeString(Files.createTempFile(dir, "cdc-", ".yml"), yaml.toString());
    }

    record Result(int exit, String out, String err) {}

    static Result cli(String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = dev.banyan.cdc.CdcBridgeCommand.execute(
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static boolean exists(String sql) throws Exception {
        try (Connection c = sql.contains("pg_replication_slots")
                                || sql.contains("pg_publication")
                                || sql.contains("heartbeat")
                        ? db.monolith()
                        : db.catalog();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rs.next();
        }
    }

    static boolean slotExists(String slot) throws Exception {
        return exists("select 1 from pg_replication_slots where slot_name = '" + slot + "'");
    }

    @Test
    @SuppressWarnings("unchecked")
    void reportsTheRetainedWalOfAnIdlePipelineSlotAndOfAnOrphanAndWarnsAboveTheThreshold() throws Exception {
        db.execMonolith("select pg_create_logical_replication_slot('banyan_slots_idle', 'pgoutput');"
                + "select pg_create_logical_replication_slot('banyan_retired', 'pgoutput');"
                + "select pg_create_logical_replication_slot('other_tool', 'pgoutput');");
        db.execMonolith(
                "insert into catalog.category select 'wal-' || g, repeat('x', 200), g from generate_series(1, 2000) g;"
                        + "delete from catalog.category where code like 'wal-%'");
        BridgeConfig bridge = Configs.load(config("retained-wal-warning: 64KB\n", "slots-idle"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SlotMonitor monitor = new SlotMonitor(bridge, registry);
        monitor.poll();

        double orphanBytes = registry.get("banyan.cdc.orphan.slot.retained.wal.bytes")
                .tag("slot", "banyan_retired")
                .gauge()
                .value();
        assertThat(orphanBytes).isGreaterThan(64 * 1024);
        assertThat(registry.find("banyan.cdc.orphan.slot.retained.wal.bytes")
                        .tag("slot", "other_tool")
                        .gauge())
                .isNull();
        assertThat(registry.find("banyan.cdc.orphan.slot.retained.wal.bytes")
                        .tag("slot", "banyan_slots_idle")
                        .gauge())
                .isNull();

        Health health = monitor.health();
        assertThat(health.getStatus()).isEqualTo(SlotMonitor.WARNING);
        List<Map<String, Object>> slots =
                (List<Map<String, Object>>) health.getDetails().get("slots");
        Map<String, Object> idle = slots.stream()
                .filter(s -> s.get("slot").equals("banyan_slots_idle"))
                .findFirst()
                .orElseThrow();
        assertThat(idle).containsEntry("pipeline", "slots-idle").containsEntry("active", false);
        assertThat((Long) idle.get("retainedWalBytes")).isGreaterThan(64 * 1024L);
        assertThat((String) idle.get("warning"))
                .contains("of pipeline 'slots-idle' retains")
                .contains("above the 64.0 kB warning threshold")
                .contains("cdc-bridge cleanup --pipeline slots-idle");
        Map<String, Object> orphan = slots.stream()
                .filter(s -> s.get("slot").equals("banyan_retired"))
                .findFirst()
                .orElseThrow();
        assertThat(orphan).containsEntry("pipeline", "(none: orphaned)");
        assertThat((String) orphan.get("warning"))
                .contains("is owned by no configured pipeline")
                .contains("cdc-bridge cleanup --config " + bridge.file() + " --slot banyan_retired");
        assertThat(slots).noneMatch(s -> s.get("slot").equals("other_tool"));

        BridgeConfig generous = Configs.load(config("retained-wal-warning: 1GB\n", "slots-idle", "retired"));
        SlotMonitor quiet = new SlotMonitor(generous, new SimpleMeterRegistry());
        quiet.poll();
        assertThat(quiet.health().getStatus().getCode())
                .as("both slots owned and under 1 GB")
                .isEqualTo("UP");
        db.execMonolith("select pg_drop_replication_slot('other_tool')");
    }

    @Test
    void cleanupRefusesWhileTheSlotIsReadThenDropsSlotPublicationAndRowsOnlyWhenConfirmed() throws Exception {
        Path file = config("", "slots-cleanup");
        Bridge bridge = Bridge.start(Configs.load(file), new SimpleMeterRegistry());
        try {
            DebeziumPipeline pipeline = bridge.pipeline("slots-cleanup");
            await().atMost(Duration.ofSeconds(60)).until(() -> pipeline.state() == DebeziumPipeline.State.STREAMING);
            db.execMonolith("insert into catalog.category values ('cleanup-1', '정리', 1)");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> exists("select 1 from public.category where code = 'cleanup-1'"));

            Result refused = cli("", "cleanup", "--config=" + file, "--pipeline=slots-cleanup", "--yes");
            assertThat(refused.exit()).isEqualTo(2);
            assertThat(refused.err())
                    .contains("replication slot banyan_slots_cleanup on " + db.monolithUrl()
                            + " is in use (walsender pid ")
                    .contains("nothing was dropped");
            assertThat(slotExists("banyan_slots_cleanup")).isTrue();
        } finally {
            bridge.close();
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !exists(
                        "select 1 from pg_replication_slots where slot_name = 'banyan_slots_cleanup' and active"));

        Result cancelled = cli("no\n", "cleanup", "--config", file.toString(), "--pipeline", "slots-cleanup");
        assertThat(cancelled.exit()).isEqualTo(1);
        assertThat(cancelled.out())
                .contains("replication slot banyan_slots_cleanup on " + db.monolithUrl())
                .contains("publication banyan_slots_cleanup on " + db.monolithUrl())
                .contains("rows of 'slots-cleanup' in banyan_cdc on " + db.catalogUrl()
                        + " (target): {banyan_cdc.applied_position=1")
                .contains("banyan_cdc.origin_marker=1")
                .contains("Type 'slots-cleanup' to drop these:")
                .contains("not confirmed: nothing was dropped");
        assertThat(slotExists("banyan_slots_cleanup")).isTrue();

        Result confirmed =
                cli("slots-cleanup\n", "cleanup", "--config", file.toString(), "--pipeline", "slots-cleanup");
        assertThat(confirmed.exit()).as(confirmed.err()).isZero();
        assertThat(confirmed.out())
                .contains("dropped replication slot banyan_slots_cleanup")
                .contains("dropped publication banyan_slots_cleanup");
        assertThat(slotExists("banyan_slots_cleanup")).isFalse();
        assertThat(exists("select 1 from pg_publication where pubname = 'banyan_slots_cleanup'"))
                .isFalse();
        assertThat(exists("select 1 from banyan_cdc.heartbeat where pipeline = 'slots-cleanup'"))
                .isFalse();
        assertThat(exists("select 1 from banyan_cdc.applied_position where pipeline = 'slots-cleanup'"))
                .isFalse();
        assertThat(exists("select 1 from banyan_cdc.engine_offset where pipeline = 'slots-cleanup'"))
                .isFalse();
        assertThat(exists("select 1 from banyan_cdc.origin_marker where origin = 'slots-cleanup'"))
                .isFalse();

        Result again = cli("", "cleanup", "--config", file.toString(), "--pipeline", "slots-cleanup", "--yes");
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("pipeline 'slots-cleanup': nothing to clean up");
    }

    @Test
    void cleanupDropsAnOrphanedSlotButNotOneAConfiguredPipelineOwns() throws Exception {
        db.execMonolith("select pg_create_logical_replication_slot('banyan_gone', 'pgoutput')");
        Path file = config("", "slots-kept");

        Result owned = cli("", "cleanup", "--config", file.toString(), "--slot", "banyan_slots_kept", "--yes");
        assertThat(owned.exit()).isEqualTo(2);
        assertThat(owned.err())
                .contains(
                        "slot 'banyan_slots_kept' belongs to pipeline 'slots-kept'; use cleanup --pipeline slots-kept");

        Result dropped = cli("", "cleanup", "--config", file.toString(), "--slot=banyan_gone", "--yes");
        assertThat(dropped.exit()).as(dropped.err()).isZero();
        assertThat(dropped.out())
                .contains("owned by no configured pipeline")
                .contains("dropped replication slot banyan_gone");
        assertThat(slotExists("banyan_gone")).isFalse();

        Result unknown = cli("", "cleanup", "--config", file.toString(), "--slot", "banyan_gone", "--yes");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no replication slot named 'banyan_gone' on any configured source");
    }
}
