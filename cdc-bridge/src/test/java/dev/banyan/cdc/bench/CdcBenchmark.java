package dev.banyan.cdc.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.banyan.cdc.config.BridgeConfig;
import dev.banyan.cdc.config.ConfigLoader;
import dev.banyan.cdc.engine.Bridge;
import dev.banyan.cdc.engine.DebeziumPipeline;
import dev.banyan.cdc.support.CatalogSchema;
import dev.banyan.embedded.EmbeddedPostgresServer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;

/**
 * The bridge's benchmark, in one run (a program, not a test):
 * <ol>
 *   <li>end-to-end lag p50/p99 at a sustained 1,000 rows/s: each row's commit time in the monolith against the time the
 *   target row was written (a target-only column defaulting to {@code clock_timestamp()}), both on this machine's clock;</li>
 *   <li>applied throughput on a 100,000-row burst: rows over the span between the first and the last target write;</li>
 *   <li>the physical limit next to it: a second replication slot created just before the burst is read afterwards with a
 *   bare pgjdbc pgoutput stream (no Debezium, no apply), counting the decoded inserts of the same WAL;</li>
 *   <li>the update path on the same 100,000 rows (each an upsert that reports whether it re-created a missing row),
 *   next to the insert burst and to the raw decoding of the same updates;</li>
 *   <li>a snapshot of every {@code menu_item} row into a second, empty target by a second pipeline (which records each
 *   snapshotted key in {@code banyan_cdc.snapshot_key}), in rows per second;</li>
 *   <li>the JVM's peak heap (run it with -Xmx512m).</li>
 * </ol>
 */
public final class CdcBenchmark {

    static final int SUSTAINED_RATE = 1_000;
    static final int SUSTAINED_SECONDS = Integer.getInteger("bench.sustained.seconds", 30);
    static final int BURST_ROWS = Integer.getInteger("bench.burst.rows", 100_000);

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("banyan-cdc-bench");
        try (EmbeddedPostgresServer monolith = EmbeddedPostgresServer.start(root.resolve("monolith"), 0, true);
                EmbeddedPostgresServer catalog = EmbeddedPostgresServer.start(root.resolve("catalog"), 0, true)) {
            monolith.ensureDatabase("monolith");
            catalog.ensureDatabase("catalog");
            String monolithUrl = monolith.jdbcUrl("monolith");
            String catalogUrl = catalog.jdbcUrl("catalog");
            exec(monolithUrl, CatalogSchema.MONOLITH);
            exec(
                    catalogUrl,
                    CatalogSchema.SERVICE
                            + "; alter table public.menu_item add column applied_at timestamptz default clock_timestamp()");
            exec(
                    monolithUrl,
                    "insert into catalog.category values ('chicken', '치킨', 1); insert into catalog.restaurant values "
                            + "('00000000-0000-0000-0000-000000000001', '벤치 식당', 'chicken', null, '서울', 0, 0, 'OPEN', now(), now(), 1)");

            Path config = Files.writeString(
                    root.resolve("bench.yml"), """
                    pipelines:
                      - name: bench
                        source: { url: "%s", user: postgres }
                        target: { url: "%s", user: postgres }
                        batch-size: 4096
                        heartbeat-interval: 1s
                    %s""".formatted(monolithUrl, catalogUrl, CatalogSchema.FORWARD_TABLES));
            BridgeConfig bridgeConfig = new ConfigLoader().load(config);
            System.out.printf(
                    "cdc-bridge benchmark: JDK %s, %d cores, max heap %d MB%n",
                    System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);

            try (Bridge bridge = Bridge.start(bridgeConfig, new SimpleMeterRegistry())) {
                DebeziumPipeline pipeline = bridge.pipeline("bench");
                waitFor(() -> pipeline.state() == DebeziumPipeline.State.STREAMING, 120, "the pipeline to stream");
                warmUp(monolithUrl, catalogUrl);

                // 1. sustained load
                System.out.printf("sustained: %d rows/s for %d s ...%n", SUSTAINED_RATE, SUSTAINED_SECONDS);
                int sustained = sustained(monolithUrl);
                waitFor(
                        () -> count(catalogUrl, "select count(*) from public.menu_item where name = 'sustained'")
                                >= sustained,
                        120,
                        "the sustained rows to arrive");
                double[] lag = lag(catalogUrl);
                System.out.printf(
                        "  end-to-end lag over %d rows: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                        sustained, lag[0], lag[1], lag[2]);

                // 2. burst, with a raw slot created just before it
                try (Connection c = DriverManager.getConnection(monolithUrl, "postgres", "");
                        Statement st = c.createStatement()) {
                    st.execute("select pg_create_logical_replication_slot('bench_raw', 'pgoutput')");
                }
                System.out.printf("burst: %,d rows ...%n", BURST_ROWS);
                long start = System.nanoTime();
                try (Connection c = DriverManager.getConnection(monolithUrl, "postgres", "");
                        Statement st = c.createStatement()) {
                    for (int done = 0; done < BURST_ROWS; done += 10_000) {
                        st.execute(
                                "insert into catalog.menu_item select gen_random_uuid(), '00000000-0000-0000-0000-000000000001', "
                                        + "'burst', '버스트 메뉴 설명 ' || g, g, true, now(), now(), 1 from generate_series(1, 10000) g");
                    }
                }
                double writeSeconds = (System.nanoTime() - start) / 1e9;
                waitFor(
                        () -> count(catalogUrl, "select count(*) from public.menu_item where name = 'burst'")
                                >= BURST_ROWS,
                        300,
                        "the burst to arrive");
                double applySeconds = seconds(
                        catalogUrl,
                        "select extract(epoch from max(applied_at) - min(applied_at)) from public.menu_item where name = 'burst'");
                double endToEnd = (System.nanoTime() - start) / 1e9;
                double bridgeRate = BURST_ROWS / applySeconds;
                System.out.printf(
                        "  written in %.2f s; applied in %.2f s (first to last target write) = %,.0f rows/s; all applied %.2f s after the first write%n",
                        writeSeconds, applySeconds, bridgeRate, endToEnd);

                // 3. raw decoding of the same WAL
                double rawRate =
                        rawDecode(monolithUrl, bridgeConfig.pipelines().get(0).publicationName(), 'I');
                System.out.printf(
                        "  PostgreSQL's own pgoutput decoding of the same WAL (bare pgjdbc stream): %,.0f rows/s; bridge/raw = %.2f%n",
                        rawRate, bridgeRate / rawRate);
                exec(monolithUrl, "select pg_drop_replication_slot('bench_raw')");

                // 4. the same rows updated: the update path (upsert returning whether each row was re-created)
                exec(
                        catalogUrl,
                        "create function bench_touch() returns trigger language plpgsql as $$ begin "
                                + "new.applied_at := clock_timestamp(); return new; end $$; "
                                + "create trigger bench_touch before update on public.menu_item for each row execute function bench_touch()");
                exec(monolithUrl, "select pg_create_logical_replication_slot('bench_raw', 'pgoutput')");
                System.out.printf("update burst: %,d rows ...%n", BURST_ROWS);
                long updateStart = System.nanoTime();
                try (Connection c = DriverManager.getConnection(monolithUrl, "postgres", "");
                        Statement st = c.createStatement()) {
                    for (int k = 0; k < 10; k++) {
                        st.execute(
                                "update catalog.menu_item set price = price + 1000000 where name = 'burst' and price % 10 = "
                                        + k);
                    }
                }
                waitFor(
                        () -> count(
                                        catalogUrl,
                                        "select count(*) from public.menu_item where name = 'burst' and price_krw > 1000000")
                                >= BURST_ROWS,
                        300,
                        "the updates to arrive");
                double updateSeconds = seconds(
                        catalogUrl,
                        "select extract(epoch from max(applied_at) - min(applied_at)) from public.menu_item where name = 'burst'");
                double updateRate = BURST_ROWS / updateSeconds;
                System.out.printf(
                        "  applied in %.2f s (first to last target write) = %,.0f rows/s (update/insert burst = %.2f); all applied %.2f s after the first update%n",
                        updateSeconds, updateRate, updateRate / bridgeRate, (System.nanoTime() - updateStart) / 1e9);
                double rawUpdateRate =
                        rawDecode(monolithUrl, bridgeConfig.pipelines().get(0).publicationName(), 'U');
                System.out.printf(
                        "  raw pgoutput decoding of the same updates: %,.0f rows/s; bridge/raw = %.2f%n",
                        rawUpdateRate, updateRate / rawUpdateRate);
                exec(monolithUrl, "select pg_drop_replication_slot('bench_raw')");
            }

            // 5. a snapshot of every menu item into an empty second target, recording each snapshotted key
            catalog.ensureDatabase("snapshot");
            String snapshotUrl = catalog.jdbcUrl("snapshot");
            exec(snapshotUrl, CatalogSchema.SERVICE);
            long rows = count(monolithUrl, "select count(*) from catalog.menu_item");
            Path snapshotConfig = Files.writeString(root.resolve("snapshot.yml"), """
                    pipelines:
                      - name: bench-snapshot
                        source: { url: "%s", user: postgres }
                        target: { url: "%s", user: postgres }
                        batch-size: 4096
                        heartbeat-interval: 1s
                    %s""".formatted(
                            monolithUrl, snapshotUrl, CatalogSchema.FORWARD_TABLES));
            System.out.printf(
                    "snapshot: %,d menu items (and their restaurant and category) into an empty target ...%n", rows);
            long snapshotStart = System.nanoTime();
            try (Bridge snapshot = Bridge.start(new ConfigLoader().load(snapshotConfig), new SimpleMeterRegistry())) {
                DebeziumPipeline pipeline = snapshot.pipeline("bench-snapshot");
                waitFor(
                        () -> pipeline.state() == DebeziumPipeline.State.STREAMING
                                && count(snapshotUrl, "select count(*) from public.menu_item") >= rows,
                        600,
                        "the snapshot");
                double snapshotSeconds = (System.nanoTime() - snapshotStart) / 1e9;
                System.out.printf(
                        "  %,d rows in %.2f s (start to streaming) = %,.0f rows/s; %,d snapshot keys recorded%n",
                        rows,
                        snapshotSeconds,
                        rows / snapshotSeconds,
                        count(snapshotUrl, "select count(*) from banyan_cdc.snapshot_key"));
            }
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf(
                    "heap: peak used %d MB of max %d MB%n",
                    peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
            try (Connection c = DriverManager.getConnection(monolithUrl, "postgres", "");
                    Statement st = c.createStatement()) {
                st.execute("select pg_drop_replication_slot(slot_name) from pg_replication_slots where not active");
            }
        }
    }

    private static void warmUp(String monolithUrl, String catalogUrl) throws Exception {
        try (Connection c = DriverManager.getConnection(monolithUrl, "postgres", "");
                Statement st = c.createStatement()) {
            st.execute(
                    "insert into catalog.menu_item select gen_random_uuid(), '00000000-0000-0000-0000-000000000001', 'warmup', null, g, true, "
                            + "now(), now(), 1 from generate_series(1, 20000) g");
        }
        waitFor(
                () -> count(catalogUrl, "select count(*) from public.menu_item where name = 'warmup'") >= 20_000,
                120,
                "the warm-up");
    }

    /** 1,000 rows/s as 100 transactions of 10 rows per second, on a fixed schedule. */
    private static int sustained(String monolithUrl) throws Exception {
        int rows = 0;
        try (Connection c = DriverManager.getConnection(monolithUrl, "postgres", "");
                Statement st = c.createStatement()) {
            long interval = TimeUnit.MILLISECONDS.toNanos(10);
            long next = System.nanoTime();
            int ticks = SUSTAINED_SECONDS * 100;
            for (int i = 0; i < ticks; i++) {
                LockSupport.parkNanos(next - System.nanoTime());
                st.execute(
                        "insert into catalog.menu_item select gen_random_uuid(), '00000000-0000-0000-0000-000000000001', 'sustained', "
                                + "null, g, true, clock_timestamp(), clock_timestamp(), 1 from generate_series(1, 10) g");
                rows += 10;
                next += interval;
            }
        }
        return rows;
    }

    private static double[] lag(String catalogUrl) throws Exception {
        try (Connection c = DriverManager.getConnection(catalogUrl, "postgres", "");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "select percentile_cont(0.5) within group (order by l), percentile_cont(0.99) within group (order by l), max(l) "
                                + "from (select extract(epoch from applied_at - created_at) * 1000 l from public.menu_item where name = 'sustained') x")) {
            rs.next();
            return new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)};
        }
    }

    /** Reads the raw slot with pgoutput until it has seen a burst's worth of messages of a type; returns them per second. */
    private static double rawDecode(String monolithUrl, String publication, char type) throws Exception {
        Properties props = new Properties();
        PGProperty.USER.set(props, "postgres");
        PGProperty.PASSWORD.set(props, "");
        PGProperty.ASSUME_MIN_SERVER_VERSION.set(props, "10");
        PGProperty.REPLICATION.set(props, "database");
        PGProperty.PREFER_QUERY_MODE.set(props, "simple");
        try (Connection c = DriverManager.getConnection(monolithUrl, props)) {
            PGReplicationStream stream = c.unwrap(PGConnection.class)
                    .getReplicationAPI()
                    .replicationStream()
                    .logical()
                    .withSlotName("bench_raw")
                    .withStartPosition(LogSequenceNumber.valueOf(0))
                    .withSlotOption("proto_version", "1")
                    .withSlotOption("publication_names", publication)
                    .start();
            long inserts = 0;
            long start = System.nanoTime();
            while (inserts < BURST_ROWS) {
                ByteBuffer message = stream.read();
                if (message.get(message.position()) == type) {
                    inserts++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            stream.close();
            return inserts / seconds;
        }
    }

    private static double seconds(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    private static long count(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void waitFor(Check check, int seconds, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    private static void exec(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
