package dev.banyan.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import dev.banyan.proxy.fallback.ServiceCircuitBreakers;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fallback to legacy: safe methods after any failure, unsafe ones only when the service was provably never reached,
 * always with the full body, and the client never sees the failure.
 */
class FallbackIntegrationTests {

    static final WireMockServer legacy = new WireMockServer(options().dynamicPort());

    static final WireMockServer catalog = new WireMockServer(options().dynamicPort());

    static final WireMockServer flaky = new WireMockServer(options().dynamicPort());

    @TempDir
    static Path dir;

    static ProxyTestSupport proxy;

    static ServerSocket stalling;

    static final String KOREAN_ORDER =
            "{\"restaurant\":\"김밥천국\",\"items\":[{\"name\":\"참치김밥\",\"qty\":2}],\"memo\":\"문 앞에 두세요\"}";

    @BeforeAll
    static void start() throws IOException {
        stalling = stallingService();
        legacy.start();
        catalog.start();
        flaky.start();
        int dead = ProxyTestSupport.closedPort();
        proxy = ProxyTestSupport.start(
                dir,
                """
                legacy: {uri: "http://127.0.0.1:%d"}
                services:
                  catalog: {uri: "http://127.0.0.1:%d", timeout: 500ms}
                  gone: {uri: "http://127.0.0.1:%d", connect-timeout: 500ms}
                  flaky: {uri: "http://127.0.0.1:%d", timeout: 2s}
                  stalling: {uri: "http://127.0.0.1:%d", timeout: 500ms}
                routes:
                  - {id: catalog, service: catalog, paths: [/api/restaurants/**], stage: MIGRATED, fallback-to-legacy: true}
                  - {id: no-fallback, service: catalog, paths: [/api/strict/**], stage: MIGRATED}
                  - {id: gone, service: gone, paths: [/api/orders/**], stage: MIGRATED, fallback-to-legacy: true}
                  - {id: gone-strict, service: gone, paths: [/api/payments/**], stage: MIGRATED}
                  - {id: flaky, service: flaky, paths: [/api/flaky/**], stage: MIGRATED, fallback-to-legacy: true}
                  - {id: stalling, service: stalling, paths: [/api/stalling/**], stage: MIGRATED, fallback-to-legacy: true}
                """.formatted(legacy.port(), catalog.port(), dead, flaky.port(), stalling.getLocalPort()),
                "--banyan.circuit-breaker.minimum-number-of-calls=4",
                "--banyan.circuit-breaker.sliding-window-size=4",
                "--banyan.circuit-breaker.wait-in-open-state=60s");
    }

    @AfterAll
    static void stop() throws IOException {
        proxy.close();
        stalling.close();
        legacy.stop();
        catalog.stop();
        flaky.stop();
    }

    @BeforeEach
    void stubs() {
        // Every test starts with closed circuits; one test's failures must not open another's.
        proxy.context
                .getBean(ReactiveResilience4JCircuitBreakerFactory.class)
                .getCircuitBreakerRegistry()
                .getAllCircuitBreakers()
                .forEach(CircuitBreaker::reset);
        legacy.resetAll();
        catalog.resetAll();
        legacy.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"from\":\"legacy\"}")));
    }

    private static HttpRequest postJson(String path, String body) {
        return HttpRequest.newBuilder(URI.create(proxy.url(path)))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    @Test
    void getAfterA5xxIsServedByLegacy() {
        catalog.stubFor(get(urlPathMatching("/api/restaurants/.*"))
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("X-From-Service", "yes")
                        .withBody("down")));
        HttpResponse<String> response = proxy.get("/api/restaurants/1");
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{\"from\":\"legacy\"}");
        assertThat(response.headers().firstValue("X-Banyan-Backend")).hasValue("legacy");
        assertThat(response.headers().firstValue("X-From-Service")).isEmpty();
        catalog.verify(getRequestedFor(urlEqualTo("/api/restaurants/1")));
    }

    @Test
    void getAfterAConnectionResetIsServedByLegacy() {
        catalog.stubFor(get(urlPathMatching("/api/restaurants/.*"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        HttpResponse<String> response = proxy.get("/api/restaurants/2");
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("X-Banyan-Backend")).hasValue("legacy");
    }

    @Test
    void getAfterATimeoutIsServedByLegacy() {
        catalog.stubFor(get(urlPathMatching("/api/restaurants/.*"))
                .willReturn(aResponse().withFixedDelay(1_500).withBody("late")));
        HttpResponse<String> response = proxy.get("/api/restaurants/3");
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{\"from\":\"legacy\"}");
    }

    @Test
    void postToAnUnreachableServiceIsReplayedToLegacyWithItsFullBody() {
        HttpResponse<String> response = proxy.send(postJson("/api/orders/new", KOREAN_ORDER));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("X-Banyan-Backend")).hasValue("legacy");
        legacy.verify(postRequestedFor(urlEqualTo("/api/orders/new"))
                .withRequestBody(equalTo(KOREAN_ORDER))
                .withHeader("Content-Type", equalTo("application/json; charset=UTF-8")));
    }

    @Test
    void postAfterA5xxIsNotReplayedSoAWriteIsNeverDoubled() {
        catalog.stubFor(post(urlPathMatching("/api/restaurants/.*"))
                .willReturn(aResponse().withStatus(500).withBody("boom")));
        HttpResponse<String> response = proxy.send(postJson("/api/restaurants/1/menu-items", KOREAN_ORDER));
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("boom");
        assertThat(response.headers().firstValue("X-Banyan-Backend")).hasValue("catalog");
        legacy.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void postAfterAConnectionResetIsNotReplayed() {
        catalog.stubFor(post(urlPathMatching("/api/restaurants/.*"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        HttpResponse<String> response = proxy.send(postJson("/api/restaurants/9/menu-items", "{}"));
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("X-Banyan-Backend")).hasValue("catalog");
        legacy.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void withoutFallbackTheClientGetsAProblemNamingTheService() {
        HttpResponse<String> response = proxy.get("/api/payments/1");
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("Backend 'gone' could not be reached");
        assertThat(response.headers().firstValue("X-Banyan-Backend")).hasValue("gone");

        catalog.stubFor(
                get(urlPathMatching("/api/strict/.*")).willReturn(aResponse().withFixedDelay(1_500)));
        HttpResponse<String> slow = proxy.get("/api/strict/1");
        assertThat(slow.statusCode()).isEqualTo(504);
        assertThat(slow.body()).contains("did not answer in time");
        legacy.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aBodyThatStallsPastTheTimeoutBeforeAnyOfItArrivedIsA504() {
        // headers at once, then the body only after 1.5 s: past the 500 ms timeout, nothing sent to the client yet
        catalog.stubFor(get(urlPathMatching("/api/strict/.*"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("[" + "1,".repeat(4_000) + "1]")
                        .withChunkedDribbleDelay(2, 3_000)));
        HttpResponse<String> response = proxy.get("/api/strict/stalling");
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.body()).contains("did not answer in time");
    }

    @Test
    void aBodyThatStallsPastTheTimeoutAfterPartOfItReachedTheClientEndsTheClientsConnection() {
        // half the body at once, the rest 3 s later: the client already has the status and half the body when the
        // 500 ms timeout passes, so the proxy closes the connection instead of holding the client
        long start = System.nanoTime();
        assertThatThrownBy(() -> proxy.get("/api/stalling/1")).isInstanceOf(UncheckedIOException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
        legacy.verify(0, anyRequestedFor(anyUrl()));
    }

    /** Answers every request with the first half of a JSON body, then waits 3 s before the second half. */
    private static ServerSocket stallingService() throws IOException {
        ServerSocket server = new ServerSocket(0);
        Thread acceptor = new Thread(
                () -> {
                    while (!server.isClosed()) {
                        try (Socket socket = server.accept()) {
                            var in = new java.io.BufferedReader(
                                    new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                            String line;
                            while ((line = in.readLine()) != null && !line.isEmpty()) {
                                // request headers: a GET has no body
                            }
                            byte[] half = ("[" + "1,".repeat(4_000)).getBytes(StandardCharsets.US_ASCII);
                            var out = socket.getOutputStream();
                            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                                            + (half.length * 2L + 1) + "\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
                            out.write(half);
                            out.flush();
                            Thread.sleep(3_000);
                            out.write(half);
                            out.write(']');
                            out.flush();
                        } catch (IOException | InterruptedException e) {
                            // the proxy gave up on this connection, or the test is over
                        }
                    }
                },
                "stalling-service");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    @Test
    void anOpenCircuitSendsEvenWritesToLegacyWithoutTouchingTheService() {
        flaky.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < 4; i++) {
            assertThat(proxy.get("/api/flaky/" + i).statusCode()).isEqualTo(201);
        }
        assertThat(proxy.context.getBean(ServiceCircuitBreakers.class).state("flaky"))
                .isEqualTo("OPEN");
        flaky.resetRequests();

        HttpResponse<String> response = proxy.send(postJson("/api/flaky/orders", KOREAN_ORDER));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("X-Banyan-Backend")).hasValue("legacy");
        legacy.verify(postRequestedFor(urlEqualTo("/api/flaky/orders")).withRequestBody(equalTo(KOREAN_ORDER)));
        flaky.verify(0, anyRequestedFor(anyUrl()));
        assertThat(proxy.get("/actuator/prometheus").body())
                .contains("banyan_circuit_state{service=\"flaky\"} 1.0")
                .contains(
                        "banyan_proxy_fallbacks_total{reason=\"circuit-open\",route=\"flaky\",service=\"flaky\"} 1.0");
    }
}
