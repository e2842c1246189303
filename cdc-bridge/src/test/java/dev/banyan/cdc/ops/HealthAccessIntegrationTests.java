package dev.banyan.cdc.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import dev.banyan.cdc.CdcBridgeApplication;
import dev.banyan.cdc.support.Configs;
import dev.banyan.cdc.support.TestDatabases;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A pipeline halted by a row the target rejects: its halt reason names the row's key and the constraint. Anonymous
 * callers of {@code /actuator/health} get the status only; the operator (HTTP basic, password from the environment)
 * gets the details; {@code /actuator/prometheus} stays open.
 */
class HealthAccessIntegrationTests {

    static final String PASSWORD = "op-s3cret";

    @TempDir
    static Path dir;

    static TestDatabases.Pair db;
    static ConfigurableApplicationContext bridge;
    static int port;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startAHaltedBridge() throws Exception {
        db = TestDatabases.pair("health_access");
        db.execCatalog("alter table public.category add constraint no_secret_names check (name <> '비밀')");
        // a tiny WAL threshold: once the pipeline halts, the slot stops advancing and what is written after exceeds it
        Path config = Files.writeString(
                dir.resolve("cdc.yml"),
                "retained-wal-warning: 1KB\npipelines:\n"
                        + Configs.pipeline("health-access", db.monolithUrl(), db.catalogUrl(), "", """
                    tables:
                      - { from: catalog.category, to: public.category, key: [code] }
                """));
        bridge = new SpringApplicationBuilder(CdcBridgeApplication.class)
                .run(
                        "--banyan.cdc.config=" + config,
                        "--server.port=0",
                        "--banyan.cdc.operator.password=" + PASSWORD,
                        "--spring.autoconfigure.exclude=dev.banyan.embedded.boot.EmbeddedPostgresAutoConfiguration,"
                                + "dev.banyan.embedded.kafka.boot.EmbeddedKafkaAutoConfiguration");
        port = Integer.parseInt(bridge.getEnvironment().getProperty("local.server.port"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> get("/actuator/health", true).body().contains("\"STREAMING\""));
        db.execMonolith("insert into catalog.category values ('secret-key-42', '비밀', 1)");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> get("/actuator/health", false).statusCode() == 503);
        // The halted slot no longer advances; write well over the threshold of WAL after it, rather than hoping the
        // source's own background writes do (one CI run saw 1,000 bytes retained against the 1 kB threshold).
        db.execMonolith("create table public.wal_after_the_halt as select g, repeat('x', 100) as filler "
                + "from generate_series(1, 1000) g");
    }

    @AfterAll
    static void stop() {
        if (bridge != null) {
            bridge.close();
        }
        db.dropSlots();
    }

    static HttpResponse<String> get(String path, boolean asOperator) throws Exception {
        return get(path, asOperator ? "operator:" + PASSWORD : null);
    }

    static HttpResponse<String> get(String path, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAnonymousCallerSeesTheStatusButNoRowData() throws Exception {
        HttpResponse<String> health = get("/actuator/health", false);
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body())
                .contains("\"status\":\"DOWN\"")
                .doesNotContain("components")
                .doesNotContain("details")
                .doesNotContain("health-access")
                .doesNotContain("secret-key-42")
                .doesNotContain("no_secret_names");
    }

    @Test
    void theOperatorSeesTheHaltReasonWithTheRowKey() throws Exception {
        HttpResponse<String> health = get("/actuator/health", true);
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body())
                .contains("\"health-access\"")
                .contains("\"state\":\"HALTED\"")
                .contains("code=secret-key-42")
                .contains("no_secret_names");
    }

    @Test
    void theOperatorSeesTheHaltedPipelinesSlotRetainingWalAboveTheThreshold() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(get("/actuator/health", true).body())
                        .contains("\"slots\":{\"details\"")
                        .contains("\"status\":\"WARNING\"")
                        .contains("\"slot\":\"banyan_health_access\"")
                        .contains("above the 1.0 kB warning threshold"));
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        HttpResponse<String> health = get("/actuator/health", "operator:guess");
        assertThat(health.statusCode()).isEqualTo(401);
        assertThat(health.body()).doesNotContain("secret-key-42");
    }

    @Test
    void prometheusStaysOpenToAnonymousScrapers() throws Exception {
        HttpResponse<String> metrics = get("/actuator/prometheus", false);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("banyan_cdc_up{pipeline=\"health-access\"} 0.0");
    }
}
