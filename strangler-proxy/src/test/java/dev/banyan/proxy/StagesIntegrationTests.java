package dev.banyan.proxy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.banyan.proxy.admin.AdminServer;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every stage through the real proxy, plus the proxy's manners: backend header, correlation id, forwarded and
 * hop-by-hop headers, Korean text, path normalisation, body limit and no open proxy.
 */
class StagesIntegrationTests {

    static final WireMockServer legacy = new WireMockServer(options().dynamicPort());

    static final WireMockServer service = new WireMockServer(options().dynamicPort());

    static final WireMockServer elsewhere = new WireMockServer(options().dynamicPort());

    @TempDir
    static Path dir;

    static ProxyTestSupport proxy;

    static String routes(String canaryPercent) {
        return """
                legacy: {uri: "http://127.0.0.1:%d"}
                services:
                  catalog: {uri: "http://127.0.0.1:%d", timeout: 2s}
                routes:
                  - {id: pinned, service: catalog, paths: [/api/pinned/**], stage: LEGACY}
                  - {id: shadowed, service: catalog, paths: [/api/shadowed/**], stage: SHADOW}
                  - id: canary
                    service: catalog
                    paths: [/api/canary/**]
                    stage: CANARY
                    percent: %s
                    sticky-by: cookie:cid
                  - {id: restaurants, service: catalog, paths: [/api/restaurants, /api/restaurants/**], stage: MIGRATED}
                """.formatted(legacy.port(), service.port(), canaryPercent);
    }

    @BeforeAll
    static void start() {
        legacy.start();
        service.start();
        elsewhere.start();
        proxy = ProxyTestSupport.start(dir, routes("50"), "--banyan.max-body-size=1KB");
    }

    @AfterAll
    static void stop() {
        proxy.close();
        legacy.stop();
        service.stop();
        elsewhere.stop();
    }

    @BeforeEach
    void stubs() {
        for (WireMockServer server : new WireMockServer[] {legacy, service, elsewhere}) {
            server.resetAll();
        }
        legacy.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"from\":\"legacy\"}")));
        service.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"from\":\"service\"}")));
        elsewhere.stubFor(any(anyUrl()).willReturn(aResponse().withBody("you reached elsewhere")));
    }

    @Test
    void unmatchedRequestsGoToLegacy() {
        HttpResponse<String> response = proxy.get("/api/orders/1?page=2");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Banyan-Backend")).hasValue("legacy");
        assertThat(response.headers().firstValue("X-Banyan-Route")).hasValue("default");
        legacy.verify(getRequestedFor(urlEqualTo("/api/orders/1?page=2")));
    }

    @Test
    void legacyStageKeepsEverythingOnLegacy() {
        for (int i = 0; i < 20; i++) {
            assertThat(proxy.get("/api/pinned/" + i).headers().firstValue("X-Banyan-Backend"))
                    .hasValue("legacy");
        }
        service.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void migratedStageSendsEverythingToTheService() {
        HttpResponse<String> response = proxy.get("/api/restaurants/7");
        assertThat(response.body()).isEqualTo("{\"from\":\"service\"}");
        assertThat(response.headers().firstValue("X-Banyan-Backend")).hasValue("catalog");
        assertThat(proxy.get("/api/restaurants").headers().firstValue("X-Banyan-Backend"))
                .hasValue("catalog");
        legacy.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void shadowStageAnswersFromLegacyAndCopiesToTheService() {
        HttpResponse<String> response = proxy.get("/api/shadowed/1");
        assertThat(response.body()).isEqualTo("{\"from\":\"legacy\"}");
        assertThat(response.headers().firstValue("X-Banyan-Backend")).hasValue("legacy");
        org.awaitility.Awaitility.await()
                .untilAsserted(() -> service.verify(
                        getRequestedFor(urlEqualTo("/api/shadowed/1")).withHeader("X-Banyan-Shadow", equalTo("true"))));
    }

    @Test
    void aShadowHeaderSentByTheClientReachesNoBackend() {
        proxy.get("/api/pinned/1", "X-Banyan-Shadow", "true");
        legacy.verify(getRequestedFor(urlEqualTo("/api/pinned/1")).withoutHeader("X-Banyan-Shadow"));

        proxy.get("/api/shadowed/2", "X-Banyan-Shadow", "forged");
        legacy.verify(getRequestedFor(urlEqualTo("/api/shadowed/2")).withoutHeader("X-Banyan-Shadow"));
        org.awaitility.Awaitility.await()
                .untilAsserted(() -> service.verify(
                        getRequestedFor(urlEqualTo("/api/shadowed/2")).withHeader("X-Banyan-Shadow", equalTo("true"))));
        assertThat(service.findAll(getRequestedFor(urlEqualTo("/api/shadowed/2"))))
                .allSatisfy(copy -> assertThat(
                                copy.getHeaders().getHeader("X-Banyan-Shadow").values())
                        .containsExactly("true"));
    }

    @Test
    void shadowStageDoesNotCopyUnsafeMethodsUnlessAllowed() {
        HttpResponse<String> response = proxy.send(HttpRequest.newBuilder(URI.create(proxy.url("/api/shadowed/1")))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
        assertThat(response.body()).isEqualTo("{\"from\":\"legacy\"}");
        legacy.verify(postRequestedFor(urlEqualTo("/api/shadowed/1")));
        service.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void canaryIsStickyByCookieAndSplitsTraffic() {
        int toService = 0;
        for (int i = 0; i < 60; i++) {
            String first = proxy.get("/api/canary/x", "Cookie", "cid=customer-" + i)
                    .headers()
                    .firstValue("X-Banyan-Backend")
                    .orElseThrow();
            String again = proxy.get("/api/canary/y", "Cookie", "cid=customer-" + i)
                    .headers()
                    .firstValue("X-Banyan-Backend")
                    .orElseThrow();
            assertThat(again).as("customer-%d must stay on %s", i, first).isEqualTo(first);
            if (first.equals("catalog")) {
                toService++;
            }
        }
        assertThat(toService).isBetween(10, 50);
    }

    @Test
    void correlationIdIsKeptOrCreatedAndReachesTheBackend() {
        HttpResponse<String> given = proxy.get("/api/restaurants/1", "X-Correlation-Id", "order-flow-42");
        assertThat(given.headers().firstValue("X-Correlation-Id")).hasValue("order-flow-42");
        service.verify(getRequestedFor(urlEqualTo("/api/restaurants/1"))
                .withHeader("X-Correlation-Id", equalTo("order-flow-42")));

        HttpResponse<String> created = proxy.get("/api/orders/1");
        String id = created.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(id).matches("[0-9a-f-]{36}");
        legacy.verify(getRequestedFor(urlEqualTo("/api/orders/1")).withHeader("X-Correlation-Id", equalTo(id)));
    }

    @Test
    void forwardedHeadersAreSetAndHopByHopHeadersDropped() {
        String response = ProxyTestSupport.raw(proxy.port(), """
                GET /api/orders/1 HTTP/1.1\r
                Host: shop.example\r
                Connection: close, X-Internal-Secret\r
                X-Internal-Secret: s3cret\r
                Keep-Alive: timeout=5\r
                Proxy-Connection: keep-alive\r
                Proxy-Authorization: Basic Zm9vOmJhcg==\r
                TE: trailers\r
                X-Forwarded-For: 6.6.6.6\r
                Forwarded: for=6.6.6.6\r
                X-Kept: yes\r
                \r
                """);
        assertThat(response).startsWith("HTTP/1.1 200");
        var request = legacy.getAllServeEvents().get(0).getRequest();
        assertThat(request.getHeader("X-Kept")).isEqualTo("yes");
        assertThat(request.containsHeader("X-Internal-Secret")).isFalse();
        assertThat(request.containsHeader("Keep-Alive")).isFalse();
        assertThat(request.containsHeader("Proxy-Connection")).isFalse();
        assertThat(request.containsHeader("Proxy-Authorization")).isFalse();
        assertThat(request.containsHeader("TE")).isFalse();
        assertThat(request.getHeader("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(request.getHeader("X-Forwarded-Host")).isEqualTo("shop.example");
        assertThat(request.getHeader("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(request.getHeader("Forwarded"))
                .startsWith("proto=http;host=\"shop.example\";for=\"127.0.0.1:")
                .doesNotContain("6.6.6.6");
        assertThat(request.getHeader("Host")).isEqualTo("127.0.0.1:" + legacy.port());
    }

    @Test
    void koreanTextRoundTripsUnchanged() {
        String body = "{\"name\":\"김밥천국 강남점\",\"menu\":[\"참치김밥\",\"라볶이\"],\"note\":\"맵게 해 주세요 🌶\"}";
        service.stubFor(WireMock.post(urlEqualTo("/api/restaurants/%EA%B9%80%EB%B0%A5?q=%EB%96%A1%EB%B3%B6%EC%9D%B4"))
                .withRequestBody(equalTo(body))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json; charset=UTF-8")
                        .withBody(body)));
        HttpResponse<String> response = proxy.send(HttpRequest.newBuilder(
                        URI.create(proxy.url("/api/restaurants/%EA%B9%80%EB%B0%A5?q=%EB%96%A1%EB%B3%B6%EC%9D%B4")))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(body);
    }

    @Test
    void dotSegmentsCannotSlipPastARoute() {
        String plain = ProxyTestSupport.raw(
                proxy.port(), "GET /api/restaurants/../orders HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(plain)
                .startsWith("HTTP/1.1 200")
                .contains("X-Banyan-Route: default")
                .contains("X-Banyan-Backend: legacy");
        String encoded = ProxyTestSupport.raw(
                proxy.port(), "GET /api/restaurants/%2e%2e/orders HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(encoded).contains("X-Banyan-Backend: legacy");
        legacy.verify(2, getRequestedFor(urlEqualTo("/api/orders")));
        service.verify(0, anyRequestedFor(anyUrl()));

        String sneaky = ProxyTestSupport.raw(
                proxy.port(), "GET /api/orders/..%2f..%2fadmin HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(sneaky)
                .startsWith("HTTP/1.1 400")
                .contains("application/problem+json")
                .contains("encoded slashes");
        String escaping = ProxyTestSupport.raw(
                proxy.port(), "GET /api/../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(escaping).startsWith("HTTP/1.1 400");
    }

    @Test
    void neitherHostHeaderNorAbsoluteFormCanRedirectTheProxy() {
        String target = "127.0.0.1:" + elsewhere.port();
        String viaHost = ProxyTestSupport.raw(
                proxy.port(), "GET /api/orders/1 HTTP/1.1\r\nHost: " + target + "\r\nConnection: close\r\n\r\n");
        String absolute = ProxyTestSupport.raw(
                proxy.port(),
                "GET http://" + target + "/api/orders/2 HTTP/1.1\r\nHost: " + target + "\r\nConnection: close\r\n\r\n");
        String absoluteToRoute = ProxyTestSupport.raw(
                proxy.port(),
                "GET http://" + target + "/api/restaurants/3 HTTP/1.1\r\nHost: " + target
                        + "\r\nConnection: close\r\n\r\n");
        assertThat(viaHost).doesNotContain("you reached elsewhere");
        assertThat(absolute).doesNotContain("you reached elsewhere");
        assertThat(absoluteToRoute).doesNotContain("you reached elsewhere");
        elsewhere.verify(0, anyRequestedFor(anyUrl()));
        legacy.verify(getRequestedFor(urlEqualTo("/api/orders/1")));
        legacy.verify(getRequestedFor(urlEqualTo("/api/orders/2")));
        service.verify(getRequestedFor(urlEqualTo("/api/restaurants/3")));
    }

    @Test
    void bodiesOverTheLimitAreRefused() {
        HttpResponse<String> declared = proxy.send(HttpRequest.newBuilder(URI.create(proxy.url("/api/orders")))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(2048)))
                .build());
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(declared.body()).contains("exceeds the limit of 1024 bytes");

        String chunked = ProxyTestSupport.raw(
                proxy.port(),
                "POST /api/restaurants HTTP/1.1\r\nHost: x\r\n"
                        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n800\r\n" + "y".repeat(2048)
                        + "\r\n0\r\n\r\n");
        assertThat(chunked).startsWith("HTTP/1.1 413");
    }

    @Test
    void madeUpMethodsDoNotCreateAMeterEach() {
        for (int i = 0; i < 300; i++) {
            proxy.send(HttpRequest.newBuilder(URI.create(proxy.url("/api/orders/" + i)))
                    .method("BREW" + i, HttpRequest.BodyPublishers.noBody())
                    .build());
        }
        MeterRegistry registry = proxy.context.getBean(MeterRegistry.class);
        assertThat(registry.find("banyan.proxy.requests").meters())
                .extracting(meter -> meter.getId().getTag("method"))
                .doesNotContain("BREW0", "BREW299")
                .contains("OTHER")
                .allSatisfy(method -> assertThat(method)
                        .isIn("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT", "OTHER"));
        assertThat(registry.find("banyan.proxy.requests").tag("method", "OTHER").timers())
                .hasSizeLessThanOrEqualTo(2);
        assertThat(proxy.get("/actuator/prometheus").body()).doesNotContain("BREW");
    }

    @Test
    void aRequestWithBothTransferEncodingAndContentLengthIsRefusedWith400() {
        String answer = ProxyTestSupport.raw(
                proxy.port(),
                "POST /api/orders HTTP/1.1\r\nHost: x\r\n"
                        + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\nConnection: close\r\n\r\n"
                        + "5\r\nhello\r\n0\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400");
        legacy.verify(0, anyRequestedFor(anyUrl()));
        service.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void adminApiIsOffWithoutAToken() {
        assertThat(proxy.context.getBeanProvider(AdminServer.class).getIfAvailable())
                .isNull();
    }

    @Test
    void healthAndPrometheusAreServed() {
        proxy.get("/api/restaurants/1");
        assertThat(proxy.get("/actuator/health").body()).contains("\"status\":\"UP\"");
        String metrics = proxy.get("/actuator/prometheus").body();
        assertThat(metrics)
                .contains(
                        "banyan_proxy_requests_seconds_bucket{backend=\"catalog\",method=\"GET\",route=\"restaurants\",status=\"2xx\"");
        assertThat(metrics).contains("banyan_circuit_state{service=\"catalog\"}");
        legacy.verify(0, anyRequestedFor(urlEqualTo("/actuator/health")));
    }

    @Test
    void anActuatorEndpointAskedWithAnotherMethodGets405WithAllowAndReachesNoBackend() {
        HttpResponse<String> response = proxy.send(HttpRequest.newBuilder(URI.create(proxy.url("/actuator/health")))
                .DELETE()
                .build());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("DELETE is not allowed here");
        legacy.verify(0, anyRequestedFor(urlEqualTo("/actuator/health")));
    }
}
