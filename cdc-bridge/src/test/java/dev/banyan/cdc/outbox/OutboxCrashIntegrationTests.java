package dev.banyan.cdc.outbox;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.banyan.cdc.support.Configs;
import dev.banyan.cdc.support.TestKafka;
import dev.banyan.events.EventHeaders;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.banyan.cdc.support.TestKafka.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the bridge with an outbox pipeline as a separate process and kills it with SIGKILL in the middle of a burst
 * of outbox inserts. After a restart every row is on the topic at least once (none lost), the first copies of each
 * key are in insertion order, the duplicates are counted and bounded, and the outbox table ends empty.
 */
class OutboxCrashIntegrationTests {

    static final int EVENTS = 10_000;
    static final int PER_TRANSACTION = 100;
    static final String TOPIC = "banyan.crash.events";
    static final Pattern PUBLISHED = Pattern.compile("banyan_cdc_outbox_published_total\\{[^}]*} ([0-9.E]+)");

    @TempDir
    static Path dir;

    static final List<Process> bridges = new ArrayList<>();
    static final List<Path> logs = new ArrayList<>();

    @AfterAll
    static void stopBridges() throws Exception {
        for (Process p : bridges) {
            p.destroyForcibly().waitFor();
        }
    }

    @Test
    void loosesNoOutboxRowWhenTheBridgeIsKilledMidBurst() throws Exception {
        OutboxSchema db = OutboxSchema.create("outbox_crash");
        Path config = Configs.write(
                dir,
                "  - name: crash-outbox\n    kind: outbox\n    outbox: ordering.outbox\n"
                        + "    source: { url: \"" + db.url() + "\", user: postgres }\n"
                        + "    kafka: { bootstrap-servers: \"" + TestKafka.bootstrapServers() + "\" }\n"
                        + "    batch-size: 500\n    heartbeat-interval: 500ms\n");
        int port = freePort();
        Process bridge = startBridge(config, port);
        await().atMost(Duration.ofSeconds(60)).until(() -> alive(bridge) && published(port) >= 0);

        List<UUID> inserted = new ArrayList<>();
        CompletableFuture<Void> burst = CompletableFuture.runAsync(() -> insertBurst(db, inserted));
        await().atMost(Duration.ofSeconds(60)).until(() -> alive(bridge) && published(port) >= EVENTS / 4);
        bridge.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no offset flush, no last prune
        long outboxAtKill = db.count("ordering.outbox");
        burst.join();

        Process restarted = startBridge(config, freePort());
        Set<String> expected = new HashSet<>();
        inserted.forEach(id -> expected.add(id.toString()));
        List<ConsumerRecord<String, String>> records = TestKafka.readUntil(
                TOPIC,
                rs -> rs.stream()
                                .map(r -> header(r, EventHeaders.ID))
                                .distinct()
                                .count()
                        >= EVENTS,
                Duration.ofSeconds(120));

        Set<String> seen = new HashSet<>();
        Map<String, List<Integer>> firstCopiesPerKey = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            if (seen.add(header(r, EventHeaders.ID))) {
                int seq = Integer.parseInt(r.value().replaceAll("\\D", ""));
                firstCopiesPerKey
                        .computeIfAbsent(r.key(), k -> new ArrayList<>())
                        .add(seq);
            }
        }
        int duplicates = records.size() - seen.size();
        System.out.printf(
                "outbox crash drill: %d events, %d on the topic, %d duplicates after one SIGKILL (%d rows in the"
                        + " outbox at the kill)%n",
                EVENTS, records.size(), duplicates, outboxAtKill);
        assertThat(seen).isEqualTo(expected);
        firstCopiesPerKey.values().forEach(seqs -> assertThat(seqs).isSorted());
        // at least once, but only what was read since the last stored offset comes again, not the whole burst
        assertThat(duplicates).isLessThan(EVENTS / 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count("ordering.outbox") == 0);
        restarted.destroy();
        restarted.waitFor();
    }

    private static void insertBurst(OutboxSchema db, List<UUID> inserted) {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            for (int i = 0; i < EVENTS; i++) {
                UUID id = UUID.randomUUID();
                OutboxSchema.insert(
                        c,
                        "ordering.outbox",
                        id,
                        "crash",
                        "order-" + (i % 50),
                        "OrderAccepted",
                        "monolith",
                        "{\"seq\": " + i + "}",
                        Instant.now());
                inserted.add(id);
                if (i % PER_TRANSACTION == PER_TRANSACTION - 1) {
                    c.commit();
                }
            }
            c.commit();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long published(int port) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            Matcher m = PUBLISHED.matcher(response.body());
            return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
        } catch (Exception e) {
            return -1;
        }
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
                "--spring.autoconfigure.exclude=dev.banyan.embedded.boot.EmbeddedPostgresAutoConfiguration,"
                        + "dev.banyan.embedded.kafka.boot.EmbeddedKafkaAutoConfiguration"));
        File log = Files.createTempFile(dir, "bridge-", ".log").toFile();
        logs.add(log.toPath());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
        bridges.add(process);
        return process;
    }

    private static boolean alive(Process process) throws Exception {
        if (!process.isAlive()) {
            throw new IllegalStateException("the bridge process exited with code " + process.exitValue() + ": "
                    + Files.readString(logs.get(logs.size() - 1)));
        }
        return true;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
