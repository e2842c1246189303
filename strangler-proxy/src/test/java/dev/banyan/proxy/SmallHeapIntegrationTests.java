package dev.banyan.proxy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The proxy in its own JVM with a 128 MB heap and the default body budget (a quarter of the heap), under 160 MB of
 * concurrent uploads to a route with fallback: the uploads beyond the budget get 503, the rest are served, and the
 * proxy neither runs out of memory nor stops answering.
 */
class SmallHeapIntegrationTests {

    static final int UPLOADS = 40;

    static final int BODY = 4 * 1024 * 1024;

    // no request journal: the stubs must not keep 160 MB of bodies in the test's own heap
    final WireMockServer legacy = new WireMockServer(options().dynamicPort().disableRequestJournal());

    final WireMockServer service = new WireMockServer(options().dynamicPort().disableRequestJournal());

    @TempDir
    Path dir;

    Process proxy;

    @AfterEach
    void stop() throws InterruptedException {
        if (proxy != null) {
            proxy.destroy();
            if (!proxy.waitFor(15, TimeUnit.SECONDS)) {
                proxy.destroyForcibly();
            }
        }
        legacy.stop();
        service.stop();
    }

    @Test
    void concurrentUploadsBeyondTheHeapAreRefusedNotBuffered() throws Exception {
        legacy.start();
        service.start();
        legacy.stubFor(any(anyUrl()).willReturn(aResponse().withBody("legacy")));
        // slow, so that the accepted uploads are all held at once
        service.stubFor(
                any(anyUrl()).willReturn(aResponse().withFixedDelay(1_500).withBody("stored")));
        Path routes = dir.resolve("routes.yml");
        Files.writeString(routes, """
                legacy: {uri: "http://127.0.0.1:%d"}
                services:
                  files: {uri: "http://127.0.0.1:%d", timeout: 30s}
                routes:
                  - {id: uploads, service: files, paths: [/api/uploads], stage: MIGRATED, fallback-to-legacy: true}
                """.formatted(legacy.port(), service.port()));
        Path log = dir.resolve("proxy.log");
        proxy = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx128m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        StranglerProxyApplication.class.getName(),
                        "--server.port=0",
                        "--banyan.routes=" + routes,
                        "--logging.level.root=WARN",
                        "--logging.level.dev.banyan.proxy.ProxyConfiguration=INFO")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Pattern ready = Pattern.compile("ready: public port (\\d+)");
        int port = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> {
                            Matcher m = ready.matcher(Files.readString(log, StandardCharsets.UTF_8));
                            return m.find() ? Integer.parseInt(m.group(1)) : -1;
                        },
                        p -> p > 0);

        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        byte[] body = new byte[BODY];
        HttpRequest upload = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/uploads"))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < UPLOADS; i++) {
            answers.add(http.sendAsync(upload, HttpResponse.BodyHandlers.ofString())
                    .thenApply(HttpResponse::statusCode)
                    .exceptionally(e -> -1));
        }
        List<Integer> statuses = answers.stream().map(CompletableFuture::join).toList();

        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(output).doesNotContain("OutOfMemoryError");
        assertThat(statuses).as("statuses (-1: no answer)").allMatch(s -> s == 200 || s == 503);
        // 32 MB of 128 MB: at most seven bodies of 4 MB at once, so most of the forty are refused
        assertThat(statuses).contains(200);
        assertThat(statuses.stream().filter(s -> s == 503).count()).isGreaterThanOrEqualTo(UPLOADS / 2);
        assertThat(proxy.isAlive()).isTrue();
        assertThat(http.send(upload, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> http.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body()
                        .contains("banyan_proxy_buffered_bodies_bytes 0.0"));
    }
}
