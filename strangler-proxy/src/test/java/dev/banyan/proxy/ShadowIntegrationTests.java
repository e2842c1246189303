package dev.banyan.proxy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import dev.banyan.proxy.admin.AdminServer;
import dev.banyan.proxy.shadow.Mismatch;
import dev.banyan.proxy.shadow.MismatchLog;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SHADOW: the client gets legacy's answer, the service gets a copy, and the two answers are compared structurally
 * with noise left out. A slow or dead service never slows the client.
 */
@ExtendWith(OutputCaptureExtension.class)
class ShadowIntegrationTests {

    static final WireMockServer legacy = new WireMockServer(options().dynamicPort());

    static final WireMockServer service = new WireMockServer(options().dynamicPort());

    @TempDir
    static Path dir;

    static ProxyTestSupport proxy;

    static final String TOKEN = "test-admin-token";

    @BeforeAll
    static void start() {
        legacy.start();
        service.start();
        int dead = ProxyTestSupport.closedPort();
        proxy = ProxyTestSupport.start(
                dir, """
                legacy: {uri: "http://127.0.0.1:%d"}
                services:
                  catalog: {uri: "http://127.0.0.1:%d", timeout: 5s}
                  dead: {uri: "http://127.0.0.1:%d"}
                routes:
                  - id: restaurants
                    service: catalog
                    paths: [/api/restaurants/**]
                    stage: SHADOW
                    shadow:
                      ignore: [$.updatedAt, "$.menu[*].etag"]
                      compare-headers: [Content-Type]
                  - id: writes
                    service: catalog
                    paths: [/api/reviews/**]
                    stage: SHADOW
                    shadow: {allow-unsafe: true}
                  - {id: dead-shadow, service: dead, paths: [/api/dead/**], stage: SHADOW}
                """.formatted(legacy.port(), service.port(), dead), "--banyan.admin.token=" + TOKEN);
    }

    @AfterAll
    static void stop() {
        proxy.close();
        legacy.stop();
        service.stop();
    }

    private static void answer(String path, String legacyBody, String serviceBody) {
        legacy.stubFor(get(urlEqualTo(path))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(legacyBody)));
        service.stubFor(get(urlEqualTo(path))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(serviceBody)));
    }

    private static double count(String route, String result) {
        var counter = proxy.context
                .getBean(io.micrometer.core.instrument.MeterRegistry.class)
                .find("banyan.shadow.comparisons")
                .tag("route", route)
                .tag("result", result)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void noiseIsNotAMismatch() {
        answer(
                "/api/restaurants/1",
                "{\"id\":1,\"name\":\"김밥천국\",\"updatedAt\":\"2024-03-01T10:00:00Z\",\"menu\":[{\"name\":\"라면\",\"etag\":\"a1\"}]}",
                "{\"menu\":[{\"etag\":\"zz\",\"name\":\"라면\"}],\"updatedAt\":\"2025-11-30T00:00:00Z\",\"name\":\"김밥천국\",\"id\":1}");
        double before = count("restaurants", "match");
        HttpResponse<String> response = proxy.get("/api/restaurants/1");
        assertThat(response.body()).contains("2024-03-01T10:00:00Z");
        assertThat(response.headers().firstValue("X-Banyan-Backend")).hasValue("legacy");
        await().until(() -> count("restaurants", "match") == before + 1);
        assertThat(proxy.context.getBean(MismatchLog.class).recent("restaurants"))
                .noneMatch(m -> m.path().equals("/api/restaurants/1"));
    }

    @Test
    void aGenuinelyDifferentBodyIsKeptWithBothBodiesAndAReadableDiff() throws Exception {
        answer(
                "/api/restaurants/2",
                "{\"id\":2,\"name\":\"떡볶이 명가\",\"rating\":4.5}",
                "{\"id\":2,\"name\":\"떡볶이명가\",\"rating\":4.5,\"closed\":false}");
        double before = count("restaurants", "mismatch");
        proxy.get("/api/restaurants/2", "X-Correlation-Id", "shadow-check-2");
        await().until(() -> count("restaurants", "mismatch") == before + 1);

        Mismatch mismatch = proxy.context.getBean(MismatchLog.class).recent("restaurants").stream()
                .filter(m -> m.path().equals("/api/restaurants/2"))
                .findFirst()
                .orElseThrow();
        assertThat(mismatch.legacyBody()).isEqualTo("{\"id\":2,\"name\":\"떡볶이 명가\",\"rating\":4.5}");
        assertThat(mismatch.serviceBody()).contains("떡볶이명가");
        assertThat(mismatch.correlationId()).isEqualTo("shadow-check-2");
        assertThat(mismatch.diff())
                .isEqualTo("$.name: legacy \"떡볶이 명가\", service \"떡볶이명가\"\n"
                        + "$.closed: missing in legacy, service false");

        int adminPort = proxy.context.getBean(AdminServer.class).port();
        HttpResponse<String> viaAdmin = proxy.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + adminPort + "/admin/routes/restaurants/mismatches"))
                .header("Authorization", "Bearer " + TOKEN)
                .build());
        assertThat(viaAdmin.statusCode()).isEqualTo(200);
        JsonNode json = JsonMapper.builder().build().readTree(viaAdmin.body());
        assertThat(json.get("route").asString()).isEqualTo("restaurants");
        assertThat(json.get("mismatches").toString()).contains("떡볶이 명가").contains("$.closed: missing in legacy");
    }

    @Test
    void aDifferentStatusOrHeaderIsAMismatch() {
        legacy.stubFor(get(urlEqualTo("/api/restaurants/3"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{}")));
        service.stubFor(get(urlEqualTo("/api/restaurants/3"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{}")));
        double before = count("restaurants", "mismatch");
        assertThat(proxy.get("/api/restaurants/3").statusCode()).isEqualTo(200);
        await().until(() -> count("restaurants", "mismatch") == before + 1);
        Mismatch mismatch = proxy.context.getBean(MismatchLog.class).recent("restaurants").stream()
                .filter(m -> m.path().equals("/api/restaurants/3"))
                .findFirst()
                .orElseThrow();
        assertThat(mismatch.differences())
                .containsExactly(
                        "status: legacy 200, service 404",
                        "header Content-Type: legacy application/json, service application/problem+json");
    }

    @Test
    void aSlowShadowDoesNotSlowTheClient() {
        legacy.stubFor(
                get(urlEqualTo("/api/restaurants/slow")).willReturn(aResponse().withBody("{}")));
        service.stubFor(get(urlEqualTo("/api/restaurants/slow"))
                .willReturn(aResponse().withFixedDelay(4_000).withBody("{}")));
        proxy.get("/api/restaurants/warm-up");
        long start = System.nanoTime();
        HttpResponse<String> response = proxy.get("/api/restaurants/slow");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(response.statusCode()).isEqualTo(200);
        // The shadow answers after 4 s; the client must have its answer long before that.
        assertThat(took).isLessThan(Duration.ofMillis(1_500));
        // the copy is fired alongside the legacy call, so it may reach the service just after the client's answer
        await().untilAsserted(() -> service.verify(getRequestedFor(urlEqualTo("/api/restaurants/slow"))));
    }

    @Test
    void aDeadOrResettingShadowDoesNotSlowOrFailTheClient(CapturedOutput output) {
        legacy.stubFor(get(urlEqualTo("/api/dead/1")).willReturn(aResponse().withBody("{\"ok\":true}")));
        double before = count("dead-shadow", "error");
        HttpResponse<String> response = proxy.get("/api/dead/1");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"ok\":true}");
        await().until(() -> count("dead-shadow", "error") == before + 1);
        // the cause is logged, once per route and interval, so a failing shadow is not a silent counter
        await().untilAsserted(() -> assertThat(output.getOut())
                .containsOnlyOnce("Shadow copy of GET /api/dead/1 for route dead-shadow failed: "));
        assertThat(proxy.get("/api/dead/1").statusCode()).isEqualTo(200);
        await().until(() -> count("dead-shadow", "error") == before + 2);
        assertThat(output.getOut()).containsOnlyOnce("for route dead-shadow failed: ");

        legacy.stubFor(
                get(urlEqualTo("/api/restaurants/reset")).willReturn(aResponse().withBody("{}")));
        service.stubFor(get(urlEqualTo("/api/restaurants/reset"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThat(proxy.get("/api/restaurants/reset").statusCode()).isEqualTo(200);
    }

    @Test
    void unsafeMethodsAreCopiedWithTheirBodyWhenAllowed() {
        String review = "{\"stars\":5,\"text\":\"정말 맛있어요\"}";
        legacy.stubFor(post(urlEqualTo("/api/reviews"))
                .willReturn(aResponse().withStatus(201).withBody("{\"saved\":true}")));
        service.stubFor(post(urlEqualTo("/api/reviews"))
                .willReturn(aResponse().withStatus(201).withBody("{\"saved\":true}")));
        HttpResponse<String> response = proxy.send(HttpRequest.newBuilder(URI.create(proxy.url("/api/reviews")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(review))
                .build());
        assertThat(response.statusCode()).isEqualTo(201);
        legacy.verify(postRequestedFor(urlEqualTo("/api/reviews")).withRequestBody(equalTo(review)));
        await().untilAsserted(() -> service.verify(postRequestedFor(urlEqualTo("/api/reviews"))
                .withRequestBody(equalTo(review))
                .withHeader("X-Banyan-Shadow", equalTo("true"))));
    }
}
