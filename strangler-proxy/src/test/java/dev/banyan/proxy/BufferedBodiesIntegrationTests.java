package dev.banyan.proxy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bodies a route with fallback holds in memory share one budget ({@code banyan.max-buffered-bodies}): uploads
 * beyond it get 503 with Retry-After instead of more heap, and every request gives its bytes back when it ends,
 * whether answered, refused or abandoned by its client.
 */
class BufferedBodiesIntegrationTests {

    static final int BODY = 300 * 1024;

    /** Three bodies fit, a fourth does not. */
    static final String BUDGET = "1MB";

    static final WireMockServer legacy = new WireMockServer(options().dynamicPort());

    static final WireMockServer service = new WireMockServer(options().dynamicPort());

    @TempDir
    static Path dir;

    static ProxyTestSupport proxy;

    @BeforeAll
    static void start() {
        legacy.start();
        service.start();
        legacy.stubFor(any(anyUrl()).willReturn(aResponse().withBody("legacy")));
        // slow enough that the accepted uploads are all held at once
        service.stubFor(post(urlEqualTo("/api/uploads"))
                .willReturn(aResponse().withFixedDelay(2_000).withBody("stored")));
        service.stubFor(
                post(urlEqualTo("/api/uploads/stalled")).willReturn(aResponse().withFixedDelay(30_000)));
        proxy = ProxyTestSupport.start(
                dir,
                """
                legacy: {uri: "http://127.0.0.1:%d"}
                services:
                  files: {uri: "http://127.0.0.1:%d", timeout: 60s}
                routes:
                  - {id: uploads, service: files, paths: [/api/uploads/**], stage: MIGRATED, fallback-to-legacy: true}
                """.formatted(legacy.port(), service.port()),
                "--banyan.max-buffered-bodies=" + BUDGET,
                "--banyan.max-body-size=512KB");
    }

    @AfterAll
    static void stop() {
        proxy.close();
        legacy.stop();
        service.stop();
    }

    /** Bytes buffered now, as the proxy reports them. */
    static double buffered() {
        Gauge gauge = proxy.context
                .getBean(MeterRegistry.class)
                .find("banyan.proxy.buffered.bodies")
                .gauge();
        assertThat(gauge).as("banyan.proxy.buffered.bodies gauge").isNotNull();
        return gauge.value();
    }

    @Test
    void uploadsBeyondTheBudgetGet503WithRetryAfterAndTheBudgetIsGivenBack() {
        byte[] body = new byte[BODY];
        Arrays.fill(body, (byte) 'x');
        List<CompletableFuture<HttpResponse<String>>> uploads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            uploads.add(proxy.http.sendAsync(
                    HttpRequest.newBuilder(URI.create(proxy.url("/api/uploads")))
                            .timeout(Duration.ofSeconds(20))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        }
        List<HttpResponse<String>> answers =
                uploads.stream().map(CompletableFuture::join).toList();

        List<HttpResponse<String>> stored =
                answers.stream().filter(a -> a.statusCode() == 200).toList();
        List<HttpResponse<String>> refused =
                answers.stream().filter(a -> a.statusCode() == 503).toList();
        assertThat(stored.size() + refused.size())
                .as("every answer is 200 or 503")
                .isEqualTo(8);
        assertThat(stored)
                .hasSizeBetween(1, 3)
                .allSatisfy(a -> assertThat(a.body()).isEqualTo("stored"));
        assertThat(refused).hasSizeGreaterThanOrEqualTo(5).allSatisfy(a -> {
            assertThat(a.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(a.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(a.body()).contains("\"status\":503").contains("too many request bodies");
        });
        // refused uploads were never sent to the service, nor replayed to legacy
        service.verify(stored.size(), postRequestedFor(urlEqualTo("/api/uploads")));
        legacy.verify(0, postRequestedFor(anyUrl()));
        await().atMost(Duration.ofSeconds(2)).until(() -> buffered() == 0);

        HttpResponse<String> after = proxy.send(HttpRequest.newBuilder(URI.create(proxy.url("/api/uploads")))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
        assertThat(after.statusCode()).isEqualTo(200);
    }

    @Test
    void aStreamedUploadIsRefusedOnceItsChunksWouldPassTheBudget() throws IOException {
        byte[] body = new byte[BODY];
        List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(proxy.http.sendAsync(
                    HttpRequest.newBuilder(URI.create(proxy.url("/api/uploads")))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> buffered() >= 3 * BODY);

        // no Content-Length: nothing can be reserved up front, so the chunks are counted as they come
        try (Socket client = new Socket("127.0.0.1", proxy.port())) {
            client.setSoTimeout(10_000);
            CompletableFuture.runAsync(() -> {
                try {
                    OutputStream out = client.getOutputStream();
                    out.write(("POST /api/uploads HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                                    + Integer.toHexString(BODY) + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // the proxy may close before it has read the whole body; its answer is what counts
                }
            });
            String statusLine = new String(client.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(statusLine).isEqualTo("HTTP/1.1 503");
        }
        assertThat(held.stream().map(CompletableFuture::join).map(HttpResponse::statusCode))
                .containsOnly(200);
        await().atMost(Duration.ofSeconds(2)).until(() -> buffered() == 0);
    }

    @Test
    void aClientThatGoesAwayWhileItsUploadWaitsGivesTheBudgetBack() throws IOException {
        try (Socket client = new Socket("127.0.0.1", proxy.port())) {
            send(client, BODY, BODY);
            await().atMost(Duration.ofSeconds(5)).until(() -> buffered() >= BODY);
        }
        // the service would hold the request for 30 s; the client's leaving ends it now
        await().atMost(Duration.ofSeconds(5)).until(() -> buffered() == 0);
    }

    @Test
    void aClientThatGoesAwayHalfwayThroughItsBodyGivesTheBudgetBack() throws IOException {
        try (Socket client = new Socket("127.0.0.1", proxy.port())) {
            send(client, BODY, BODY / 3);
            await().atMost(Duration.ofSeconds(5)).until(() -> buffered() >= BODY);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> buffered() == 0);
    }

    private static void send(Socket client, int declared, int sent) throws IOException {
        OutputStream out = client.getOutputStream();
        out.write(("POST /api/uploads/stalled HTTP/1.1\r\nHost: x\r\nContent-Length: " + declared + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        byte[] body = new byte[sent];
        Arrays.fill(body, (byte) 'y');
        out.write(body);
        out.flush();
    }
}
