package dev.banyan.cdc.engine;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.banyan.cdc.support.Catalog;
import dev.banyan.cdc.support.CatalogSchema;
import dev.banyan.cdc.support.Configs;
import dev.banyan.cdc.support.TestDatabases;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the bridge as a separate process ({@code CdcBridgeApplication run --config ...}), kills it with SIGKILL in the
 * middle of the snapshot and then repeatedly while it streams a mixed workload (multi-statement transactions,
 * multi-row updates, COPY batches sharing one LSN, deletes), and proves with checksums computed independently in
 * each database that nothing was lost, and with a target-side audit trigger that no change was applied twice or
 * applied stale.
 */
class CrashRecoveryIntegrationTests {

    static final String PIPELINE = "crash-forward";
    static final int SEEDED_ITEMS = 60_000;

    static TestDatabases.Pair db;
    static Path config;

    /** A second database pair for the large-transaction drills: one pipeline, small batches. */
    static final String BIG_PIPELINE = "bigtx-forward";

    static final int BIG_TRANSACTION = 40_000;
    static TestDatabases.Pair bigDb;
    static Path bigConfig;

    static final String AUDIT = """
            create table public.audit (seq bigserial primary key, id uuid, version bigint, op text);
            create function public.audit() returns trigger language plpgsql as $$
            begin
              if TG_OP = 'DELETE' then insert into public.audit (id, version, op) values (old.id, old.version, TG_OP);
              else insert into public.audit (id, version, op) values (new.id, new.version, TG_OP); end if;
              return null;
            end $$;
            create trigger audit after insert or update or delete on public.menu_item for each row execute function public.audit();
            """;

    @TempDir
    static Path dir;

    @BeforeAll
    static void seed() throws Exception {
        db = TestDatabases.pair("crash");
        // every row change the target performs on menu_item, in order
        db.execCatalog(AUDIT);
        bigDb = TestDatabases.pair("bigtx");
        bigDb.execCatalog(AUDIT);
        try (Connection m = bigDb.monolith()) {
            Catalog.category(m, "chicken", "치킨", 1);
        }
        bigConfig = Configs.write(
                dir,
                Configs.pipeline(
                        BIG_PIPELINE,
                        bigDb.monolithUrl(),
                        bigDb.catalogUrl(),
                        "batch-size: 100\n",
                        CatalogSchema.FORWARD_TABLES));
        try (Connection m = db.monolith();
                Statement st = m.createStatement()) {
            Catalog.category(m, "chicken", "치킨", 1);
            st.execute(
                    "insert into catalog.restaurant select gen_random_uuid(), '식당 ' || g, 'chicken', '02-' || g, '서울', 10000, 2000, "
                            + "'OPEN', now(), now(), 1 from generate_series(1, 100) g");
            st.execute(
                    "insert into catalog.menu_item select gen_random_uuid(), (select id from catalog.restaurant order by id offset (g % 100) limit 1), "
                            + "'메뉴 ' || g, case when g % 3 = 0 then null else '설명 ' || g end, 1000 + g, g % 2 = 0, now(), now(), 1 "
                            + "from generate_series(1, " + SEEDED_ITEMS + ") g");
        }
        config = Configs.write(
                dir,
                Configs.pipeline(
                        PIPELINE,
                        db.monolithUrl(),
                        db.catalogUrl(),
                        "batch-size: 500\n",
                        CatalogSchema.FORWARD_TABLES));
    }

    @AfterAll
    static void cleanUp() {
        db.dropSlots();
        bigDb.dropSlots();
    }

    static final List<Path> logs = new ArrayList<>();

    /**
     * A 40,000-row source transaction arrives in 400 engine batches while heartbeats keep coming; the bridge is killed
     * while it holds part of it. Its offsets must still point before the transaction, so the restarted bridge reads it
     * again from its start and the target ends with every row written exactly once.
     */
    @Test
    void sigkillWhileALargeTransactionIsBeingReceivedLosesNoRow() throws Exception {
        int port = freePort();
        Process bridge = startBridge(bigConfig, port);
        try {
            UUID restaurant = bigRestaurant("SIGKILL 중 큰 트랜잭션");
            Process running = bridge;
            await().atMost(Duration.ofSeconds(90)).until(() -> alive(running) && bigTargetHas(restaurant));
            bigTransaction(restaurant);
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(20))
                    .ignoreException(java.io.IOException.class)
                    .until(() -> alive(running) && heldChanges(port) >= BIG_TRANSACTION / 4);
            bridge.destroyForcibly().waitFor();
            assertThat(bigTargetItems(restaurant))
                    .as("killed before the transaction was applied")
                    .isZero();

            bridge = startBridge(bigConfig, freePort());
            assertEveryRowAppliedOnce(restaurant);
        } catch (AssertionError | RuntimeException e) {
            printLogs();
            throw e;
        } finally {
            bridge.destroyForcibly().waitFor();
        }
    }

    /**
     * The same, in process: the replication connection is terminated on the source while the pipeline holds part of a
     * large transaction, and the pipeline restarts its engine by itself.
     */
    @Test
    void terminatedReplicationConnectionWhileALargeTransactionIsBeingReceivedLosesNoRow() throws Exception {
        dev.banyan.cdc.config.BridgeConfig cfg = Configs.load(bigConfig);
        try (Bridge bridge = Bridge.start(cfg, new io.micrometer.core.instrument.simple.SimpleMeterRegistry())) {
            DebeziumPipeline pipeline = bridge.pipeline(BIG_PIPELINE);
            UUID restaurant = bigRestaurant("복제 연결 끊김 중 큰 트랜잭션");
            await().atMost(Duration.ofSeconds(90)).until(() -> bigTargetHas(restaurant));
            bigTransaction(restaurant);
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> pipeline.heldChanges() >= BIG_TRANSACTION / 4);
            String slot = cfg.pipelines().get(0).slotName();
            String terminated;
            try (Connection m = bigDb.monolith()) {
                terminated = Catalog.single(m, "select active_pid from pg_replication_slots where slot_name = ?", slot);
                assertThat(Catalog.single(m, "select pg_terminate_backend(?::int)", terminated))
                        .as("terminated the replication backend")
                        .isEqualTo("t");
            }
            assertThat(bigTargetItems(restaurant))
                    .as("terminated before the transaction was applied")
                    .isZero();
            assertEveryRowAppliedOnce(restaurant);
            try (Connection m = bigDb.monolith()) {
                assertThat(Catalog.single(m, "select active_pid from pg_replication_slots where slot_name = ?", slot))
                        .as("capture runs on a new replication connection")
                        .isNotNull()
                        .isNotEqualTo(terminated);
            }
        }
    }

    /**
     * A transaction larger than the in-memory bound (50,000 changes) is applied in parts; the connection is terminated
     * after the first part committed. The restarted capture reads the transaction again from its start, the stored
     * position skips the part already applied, and every row ends in the target once.
     */
    @Test
    void terminatedReplicationConnectionAfterPartOfAnOversizedTransactionWasAppliedLosesAndRepeatsNothing()
            throws Exception {
        int rows = 60_000;
        dev.banyan.cdc.config.BridgeConfig cfg = Configs.load(bigConfig);
        try (Bridge bridge = Bridge.start(cfg, new io.micrometer.core.instrument.simple.SimpleMeterRegistry())) {
            DebeziumPipeline pipeline = bridge.pipeline(BIG_PIPELINE);
            UUID restaurant = bigRestaurant("부분 적용된 큰 트랜잭션");
            await().atMost(Duration.ofSeconds(90)).until(() -> bigTargetHas(restaurant));
            bigTransaction(restaurant, rows);
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> bigTargetItems(restaurant) >= 50_000 && pipeline.heldChanges() > 0);
            String slot = cfg.pipelines().get(0).slotName();
            try (Connection m = bigDb.monolith()) {
                assertThat(Catalog.single(
                                m,
                                "select pg_terminate_backend(active_pid) from pg_replication_slots where slot_name = ?",
                                slot))
                        .as("terminated the replication backend")
                        .isEqualTo("t");
            }
            assertThat(bigTargetItems(restaurant))
                    .as("terminated before the last part was applied")
                    .isLessThan(rows);
            assertEveryRowAppliedOnce(restaurant, rows);
            assertThat(pipeline.metrics().replaySkippedCount())
                    .as("the applied part was read again and skipped by position")
                    .isGreaterThanOrEqualTo(50_000);
        }
    }

    private static UUID bigRestaurant(String name) throws Exception {
        try (Connection m = bigDb.monolith()) {
            return Catalog.restaurant(m, "catalog", "phone", name, "chicken", "02-123-4567");
        }
    }

    /** One source transaction, one statement: {@link #BIG_TRANSACTION} new menu items. */
    private static void bigTransaction(UUID restaurant) throws Exception {
        bigTransaction(restaurant, BIG_TRANSACTION);
    }

    private static void bigTransaction(UUID restaurant, int rows) throws Exception {
        try (Connection m = bigDb.monolith();
                PreparedStatement ps = m.prepareStatement("insert into catalog.menu_item "
                        + "select gen_random_uuid(), ?, '큰 메뉴 ' || g, '설명 ' || g, g, g % 2 = 0, now(), now(), 1 "
                        + "from generate_series(1, " + rows + ") g")) {
            ps.setObject(1, restaurant);
            assertThat(ps.executeUpdate()).isEqualTo(rows);
        }
    }

    /**
     * A later source transaction marks the end: once it is in the target, everything committed before it has been
     * dealt with, so the counts are final.
     */
    private static void assertEveryRowAppliedOnce(UUID restaurant) throws Exception {
        assertEveryRowAppliedOnce(restaurant, BIG_TRANSACTION);
    }

    private static void assertEveryRowAppliedOnce(UUID restaurant, int rows) throws Exception {
        try (Connection m = bigDb.monolith();
                PreparedStatement ps = m.prepareStatement(
                        "update catalog.restaurant set name = 'sentinel', updated_at = now(), version = version + 1 where id = ?")) {
            ps.setObject(1, restaurant);
            ps.executeUpdate();
        }
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    try (Connection c = bigDb.catalog()) {
                        return "sentinel"
                                .equals(Catalog.single(
                                        c, "select name from public.restaurant where id = ?", restaurant));
                    }
                });
        String filter = " where restaurant_id = '" + restaurant + "'";
        try (Connection m = bigDb.monolith();
                Connection c = bigDb.catalog()) {
            assertThat(Catalog.checksum(c, "public.menu_item" + filter, CatalogForwardIntegrationTests.MENU_DST, "id"))
                    .as("target rows of the transaction")
                    .isEqualTo(Catalog.checksum(
                            m, "catalog.menu_item" + filter, CatalogForwardIntegrationTests.MENU_SRC, "id"))
                    .startsWith(rows + ":");
            assertThat(Catalog.single(
                            c,
                            "select count(*) || '/' || count(distinct a.id) || '/' || count(*) filter (where op = 'INSERT') "
                                    + "from public.audit a join public.menu_item i on i.id = a.id"
                                    + filter.replace("restaurant_id", "i.restaurant_id")))
                    .as("row writes / rows written / inserts")
                    .isEqualTo(rows + "/" + rows + "/" + rows);
        }
    }

    private static boolean bigTargetHas(UUID restaurant) throws Exception {
        try (Connection c = bigDb.catalog()) {
            return Catalog.single(c, "select 1 from public.restaurant where id = ?", restaurant) != null;
        }
    }

    private static long bigTargetItems(UUID restaurant) throws Exception {
        try (Connection c = bigDb.catalog()) {
            return Long.parseLong(
                    Catalog.single(c, "select count(*) from public.menu_item where restaurant_id = ?", restaurant));
        }
    }

    private static double heldChanges(int port) throws Exception {
        String metrics = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "banyan_cdc_held_changes\\{pipeline=\"" + BIG_PIPELINE + "\"} ([0-9.E]+)")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static void printLogs() throws Exception {
        for (Path log : logs) {
            List<String> lines = Files.readAllLines(log);
            System.err.println("---- " + log.getFileName() + " (last 60 lines)");
            lines.subList(Math.max(0, lines.size() - 60), lines.size()).forEach(System.err::println);
        }
    }

    @Test
    void survivesRepeatedSigkillWithoutLossDuplicationOrStaleRows() throws Exception {
        try {
            crashRepeatedly();
        } catch (AssertionError | RuntimeException e) {
            printLogs();
            throw e;
        }
    }

    void crashRepeatedly() throws Exception {
        // 1. killed in the middle of the snapshot
        Process bridge = startBridge(freePort());
        Process first = bridge;
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> alive(first) && targetCount("public.menu_item") > 0);
        bridge.destroyForcibly().waitFor();
        long atKill = targetCount("public.menu_item");
        assertThat(atKill).as("killed mid-snapshot").isBetween(1L, SEEDED_ITEMS - 1L);
        // while it is down, the source deletes rows the interrupted snapshot had already copied
        int deletedWhileDown;
        try (Connection c = db.catalog();
                Statement st = c.createStatement();
                Connection m = db.monolith();
                PreparedStatement delete = m.prepareStatement("delete from catalog.menu_item where id = ?");
                ResultSet copied = st.executeQuery("select id from public.menu_item limit 200")) {
            while (copied.next()) {
                delete.setObject(1, copied.getObject(1));
                delete.addBatch();
            }
            deletedWhileDown = delete.executeBatch().length;
            assertThat(deletedWhileDown).isEqualTo((int) Math.min(200, atKill));
        }

        // 2. streaming under a mixed workload, killed again and again
        Workload workload = new Workload();
        Thread writer = new Thread(workload, "workload");
        int port = freePort();
        bridge = startBridge(port);
        Process second = bridge;
        await().atMost(Duration.ofSeconds(120))
                .until(() -> alive(second) && targetCount("public.menu_item") >= SEEDED_ITEMS - deletedWhileDown);
        writer.start();
        checkMetricsAndHealth(port);
        for (int kill = 0; kill < 3; kill++) {
            long applied = rowsApplied();
            Process running = bridge;
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> alive(running) && rowsApplied() > applied + 300);
            bridge.destroyForcibly().waitFor();
            bridge = startBridge(freePort());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> workload.transactions.get() > 300);
        workload.stop.set(true);
        writer.join();
        assertThat(workload.failure).isNull();

        // 3. the last bridge catches up: both databases compute the same checksum of the mapped columns
        try {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        try (Connection m = db.monolith();
                                Connection c = db.catalog()) {
                            assertThat(Catalog.checksum(
                                            c, "public.menu_item", CatalogForwardIntegrationTests.MENU_DST, "id"))
                                    .isEqualTo(Catalog.checksum(
                                            m, "catalog.menu_item", CatalogForwardIntegrationTests.MENU_SRC, "id"));
                            assertThat(Catalog.checksum(
                                            c,
                                            "public.restaurant",
                                            CatalogForwardIntegrationTests.RESTAURANT_DST,
                                            "id"))
                                    .isEqualTo(Catalog.checksum(
                                            m,
                                            "catalog.restaurant",
                                            CatalogForwardIntegrationTests.RESTAURANT_SRC,
                                            "id"));
                        }
                    });
        } finally {
            bridge.destroyForcibly().waitFor();
        }

        // 4. no change applied twice, none applied after a newer one (each update raises the version)
        try (Connection c = db.catalog();
                Statement st = c.createStatement()) {
            assertThat(count(
                            st,
                            "select count(*) from (select id, version, op from public.audit where op <> 'DELETE' "
                                    + "group by 1, 2, 3 having count(*) > 1) d"))
                    .as("changes applied twice")
                    .isZero();
            assertThat(
                            count(
                                    st,
                                    "select count(*) from (select id, version, lag(version) over (partition by id order by seq) prev "
                                            + "from public.audit where op <> 'DELETE') v where prev is not null and version <= prev"))
                    .as("stale versions applied after newer ones")
                    .isZero();
            assertThat(
                            count(
                                    st,
                                    "select count(*) from (select id from public.audit where op = 'DELETE' group by id having count(*) > 1) d"))
                    .as("deletes applied twice")
                    .isZero();
        }
        assertThat(workload.copies.get()).as("COPY batches in the workload").isPositive();

        // 5. verify agrees
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new dev.banyan.cdc.CdcBridgeApplicationAccess(new PrintStream(out, true), System.err)
                .execute("verify", "--config", config.toString());
        assertThat(out.toString()).contains("result: IN SYNC");
        assertThat(exit).isZero();
    }

    private static void checkMetricsAndHealth(int port) {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            String metrics = http.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(metrics)
                    .contains("banyan_cdc_lag_milliseconds{pipeline=\"" + PIPELINE + "\"}")
                    .contains("banyan_cdc_rows_per_second{pipeline=\"" + PIPELINE + "\"}")
                    .contains("banyan_cdc_batch_size_count{pipeline=\"" + PIPELINE + "\"}")
                    .contains("banyan_cdc_errors_total{kind=\"rejected\",pipeline=\"" + PIPELINE + "\"}")
                    .contains("banyan_cdc_slot_retained_wal_bytes{pipeline=\"" + PIPELINE + "\"}")
                    .contains("banyan_cdc_held_changes{pipeline=\"" + PIPELINE + "\"}")
                    .contains("banyan_cdc_missing_rows_total{op=\"update\",outcome=\"upserted\",pipeline=\"" + PIPELINE
                            + "\"}")
                    .contains("banyan_cdc_apply_lag_seconds{pipeline=\"" + PIPELINE + "\",quantile=\"0.99\"}");
            // health details are for the operator only (BANYAN_CDC_OPERATOR_PASSWORD, set in startBridge)
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                            .header(
                                    "Authorization",
                                    "Basic "
                                            + java.util.Base64.getEncoder()
                                                    .encodeToString("operator:crash-test".getBytes()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body())
                    .contains("\"status\":\"UP\"")
                    .contains("\"" + PIPELINE + "\"")
                    .contains("\"state\":\"STREAMING\"")
                    .contains("retainedWalBytes")
                    .contains("lagMs");
        });
    }

    private static Process startBridge(int port) throws Exception {
        return startBridge(config, port);
    }

    private static Process startBridge(Path config, int port) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the boot jar when the build has packaged it (failsafe runs after package), else the test classpath
        Path jar = Path.of("target", "cdc-bridge.jar");
        List<String> launch = Files.isRegularFile(jar)
                ? List.of("-jar", jar.toString())
                : List.of("-cp", System.getProperty("java.class.path"), "dev.banyan.cdc.CdcBridgeApplication");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1"));
        command.addAll(launch);
        command.addAll(List.of(
                "run",
                "--config",
                config.toString(),
                "--server.port=" + port,
                "--logging.level.root=WARN",
                "--banyan.cdc.operator.password=crash-test",
                // the test classpath carries the embedded-database starter, which the bridge does not use
                "--spring.autoconfigure.exclude=dev.banyan.embedded.boot.EmbeddedPostgresAutoConfiguration,"
                        + "dev.banyan.embedded.kafka.boot.EmbeddedKafkaAutoConfiguration"));
        File log = Files.createTempFile(dir, "bridge-", ".log").toFile();
        logs.add(log.toPath());
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
    }

    private static boolean alive(Process process) {
        if (!process.isAlive()) {
            throw new IllegalStateException("the bridge process exited with code " + process.exitValue());
        }
        return true;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long targetCount(String table) throws Exception {
        try (Connection c = db.catalog()) {
            return Catalog.count(c, table);
        }
    }

    private static long rowsApplied() throws Exception {
        try (Connection c = db.catalog()) {
            String n = Catalog.single(
                    c, "select rows_applied from banyan_cdc.applied_position where pipeline = ?", PIPELINE);
            return n == null ? 0 : Long.parseLong(n);
        }
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Writes to the monolith as fast as one connection can: a mix of every kind of change. */
    static final class Workload implements Runnable {
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicLong transactions = new AtomicLong();
        final AtomicLong copies = new AtomicLong();
        volatile Throwable failure;
        private final Random random = new Random(42);
        private final List<UUID> restaurants = new ArrayList<>();
        private final List<UUID> items = new ArrayList<>();

        @Override
        public void run() {
            try (Connection m = db.monolith()) {
                try (Statement st = m.createStatement();
                        ResultSet rs = st.executeQuery("select id from catalog.restaurant")) {
                    while (rs.next()) {
                        restaurants.add((UUID) rs.getObject(1));
                    }
                }
                try (Statement st = m.createStatement();
                        ResultSet rs = st.executeQuery("select id from catalog.menu_item limit 5000")) {
                    while (rs.next()) {
                        items.add((UUID) rs.getObject(1));
                    }
                }
                m.setAutoCommit(false);
                while (!stop.get()) {
                    int kind = random.nextInt(100);
                    if (kind < 35) {
                        UUID restaurant = restaurants.get(random.nextInt(restaurants.size()));
                        for (int i = 0; i < 3; i++) {
                            items.add(Catalog.menuItem(
                                    m,
                                    "catalog",
                                    "price",
                                    restaurant,
                                    "새 메뉴 " + random.nextInt(),
                                    null,
                                    random.nextInt(50_000)));
                        }
                    } else if (kind < 75) {
                        for (int i = 0; i < 5; i++) {
                            try (PreparedStatement ps = m.prepareStatement(
                                    "update catalog.menu_item set price = ?, available = not available, "
                                            + "updated_at = clock_timestamp(), version = version + 1 where id = ?")) {
                                ps.setLong(1, random.nextInt(100_000));
                                ps.setObject(2, items.get(random.nextInt(items.size())));
                                ps.executeUpdate();
                            }
                        }
                    } else if (kind < 85) {
                        try (PreparedStatement ps = m.prepareStatement(
                                "update catalog.menu_item set price = price + 1, "
                                        + "updated_at = clock_timestamp(), version = version + 1 where restaurant_id = ? and name like '새 메뉴%'")) {
                            ps.setObject(1, restaurants.get(random.nextInt(restaurants.size())));
                            ps.executeUpdate();
                        }
                    } else if (kind < 93) {
                        UUID victim = items.remove(random.nextInt(items.size()));
                        try (PreparedStatement ps = m.prepareStatement("delete from catalog.menu_item where id = ?")) {
                            ps.setObject(1, victim);
                            ps.executeUpdate();
                        }
                    } else {
                        StringBuilder rows = new StringBuilder();
                        UUID restaurant = restaurants.get(random.nextInt(restaurants.size()));
                        for (int i = 0; i < 50; i++) {
                            UUID id = UUID.randomUUID();
                            items.add(id);
                            rows.append(id)
                                    .append('\t')
                                    .append(restaurant)
                                    .append("\tCOPY 메뉴\t\\N\t")
                                    .append(random.nextInt(9999))
                                    .append("\tt\t2024-01-01 00:00:00+00\t2024-01-01 00:00:00+00\t1\n");
                        }
                        m.unwrap(PGConnection.class)
                                .getCopyAPI()
                                .copyIn(
                                        "copy catalog.menu_item (" + CatalogForwardIntegrationTests.MENU_SRC
                                                + ") from stdin",
                                        new StringReader(rows.toString()));
                        copies.incrementAndGet();
                    }
                    m.commit();
                    transactions.incrementAndGet();
                }
            } catch (Throwable e) {
                failure = e;
            }
        }
    }
}
