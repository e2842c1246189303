package dev.banyan.proxy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.banyan.proxy.config.Stage;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The admin API: bearer token, effective routes with counters, and changes written back to the routes file. */
class AdminIntegrationTests {

    static final WireMockServer legacy = new WireMockServer(options().dynamicPort());

    static final WireMockServer service = new WireMockServer(options().dynamicPort());

    static final String TOKEN = "s3cret-admin-token";

    @TempDir
    static Path dir;

    static ProxyTestSupport proxy;

    static String original;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void start() {
        legacy.start();
        service.start();
        legacy.stubFor(any(anyUrl()).willReturn(aResponse().withBody("legacy")));
        service.stubFor(any(anyUrl()).willReturn(aResponse().withBody("service")));
        original = """
                # 카탈로그 서비스로 옮기는 중 (moving to the catalog service)
                legacy:
                  uri: "http://127.0.0.1:%d"
                services:
                  catalog:
                    uri: "http://127.0.0.1:%d"
                routes:
                  - id: catalog-reads        # the first route we move
                    service: catalog
                    paths: [/api/restaurants, /api/restaurants/**]
                    stage: LEGACY
                    sticky-by: header:X-Customer-Id
                """.formatted(legacy.port(), service.port());
        proxy = ProxyTestSupport.start(dir, original, "--banyan.admin.token=" + TOKEN);
    }

    @AfterAll
    static void stop() {
        proxy.close();
        legacy.stop();
        service.stop();
    }

    @BeforeEach
    void restoreFile() {
        if (!proxy.routes().appliedText().equals(original)) {
            proxy.rewriteRoutes(original);
        }
    }

    private HttpResponse<String> admin(String method, String path, String token, String body) {
        return proxy.admin(method, path, token, body);
    }

    private static String fileText() throws IOException {
        return Files.readString(proxy.routesFile, StandardCharsets.UTF_8);
    }

    @Test
    void missingOrWrongTokenGets401AndChangesNothing() throws IOException {
        for (String token : new String[] {null, "wrong", TOKEN + "x", ""}) {
            HttpResponse<String> response =
                    admin("PUT", "/admin/routes/catalog-reads", token, "{\"stage\":\"MIGRATED\"}");
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(admin("GET", "/admin/routes", token, null).statusCode()).isEqualTo(401);
        }
        assertThat(fileText()).isEqualTo(original);
        assertThat(proxy.routes()
                        .current()
                        .config()
                        .route("catalog-reads")
                        .orElseThrow()
                        .stage())
                .isEqualTo(Stage.LEGACY);
    }

    @Test
    void listsTheEffectiveRoutesWithLiveCounters() throws Exception {
        proxy.get("/api/restaurants/1");
        proxy.get("/api/restaurants/2");
        proxy.get("/api/orders/1");
        HttpResponse<String> response = admin("GET", "/admin/routes", TOKEN, null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("file").asString())
                .isEqualTo(proxy.routesFile.toAbsolutePath().normalize().toString());
        assertThat(body.get("lastReloadError").isNull()).isTrue();
        JsonNode route = body.get("routes").get(0);
        assertThat(route.get("id").asString()).isEqualTo("catalog-reads");
        assertThat(route.get("stage").asString()).isEqualTo("LEGACY");
        assertThat(route.get("counters").get("requests").get("legacy").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(body.get("services").get("catalog").get("circuit").asString())
                .isEqualTo("CLOSED");
        assertThat(body.get("unmatched")
                        .get("counters")
                        .get("requests")
                        .get("legacy")
                        .asLong())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void putWritesTheChangeBackToTheFileAndAppliesIt() throws Exception {
        HttpResponse<String> response =
                admin("PUT", "/admin/routes/catalog-reads", TOKEN, "{\"stage\":\"CANARY\",\"percent\":100}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("stage").asString()).isEqualTo("CANARY");
        assertThat(fileText())
                .isEqualTo(original.replace("    stage: LEGACY\n", "    stage: CANARY\n    percent: 100\n"));
        assertThat(proxy.get("/api/restaurants/1", "X-Customer-Id", "c-1").body())
                .isEqualTo("service");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("routes.yml");
        }

        assertThat(admin("PUT", "/admin/routes/catalog-reads", TOKEN, "{\"percent\":0}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(fileText()).contains("percent: 0\n");
        assertThat(proxy.get("/api/restaurants/1", "X-Customer-Id", "c-1").body())
                .isEqualTo("legacy");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"stage\":\"CANARI\"}",
                "{\"percent\":150}",
                "{\"percent\":-1}",
                "{\"percent\":\"ten\"}",
                "{\"percent\":12.345}",
                "{\"stage\":\"CANARY\"}",
                "{\"weight\":3}",
                "{}",
                "not json",
                "[1,2]",
                ""
            })
    void badValuesGet400AndChangeNothing(String body) throws IOException {
        HttpResponse<String> response = admin("PUT", "/admin/routes/catalog-reads", TOKEN, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":400");
        assertThat(fileText()).isEqualTo(original);
        assertThat(proxy.routes()
                        .current()
                        .config()
                        .route("catalog-reads")
                        .orElseThrow()
                        .stage())
                .isEqualTo(Stage.LEGACY);
    }

    @Test
    void canaryWithoutAPercentNamesTheMissingField() {
        HttpResponse<String> response = admin("PUT", "/admin/routes/catalog-reads", TOKEN, "{\"stage\":\"CANARY\"}");
        assertThat(response.body()).contains("routes[0].percent").contains("required for stage CANARY");
    }

    @Test
    void restoringTheFileAfterARejectedChangeUnblocksTheAdminApi() throws Exception {
        proxy.write(original.replace("stage: LEGACY", "stage: CANARI"));
        await().atMost(Duration.ofSeconds(2)).until(() -> proxy.routes().lastError() != null);
        assertThat(admin("PUT", "/admin/routes/catalog-reads", TOKEN, "{\"stage\":\"MIGRATED\"}")
                        .statusCode())
                .isEqualTo(409);

        proxy.write(original);
        await().atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(json.readTree(admin("GET", "/admin/routes", TOKEN, null)
                                        .body())
                                .get("lastReloadError")
                                .isNull())
                        .isTrue());
        HttpResponse<String> response = admin("PUT", "/admin/routes/catalog-reads", TOKEN, "{\"stage\":\"MIGRATED\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(fileText()).contains("stage: MIGRATED");
        assertThat(proxy.get("/api/restaurants/1").body()).isEqualTo("service");
    }

    @Test
    void fixingTheFileAfterARejectedChangeUnblocksTheAdminApi() throws Exception {
        proxy.write(original.replace("stage: LEGACY", "stage: CANARI"));
        await().atMost(Duration.ofSeconds(2)).until(() -> proxy.routes().lastError() != null);

        proxy.rewriteRoutes(original.replace("stage: LEGACY", "stage: SHADOW"));
        assertThat(proxy.routes().lastError()).isNull();
        HttpResponse<String> response = admin("PUT", "/admin/routes/catalog-reads", TOKEN, "{\"stage\":\"LEGACY\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void unknownRouteGets404() {
        assertThat(admin("PUT", "/admin/routes/nope", TOKEN, "{\"stage\":\"MIGRATED\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(admin("GET", "/admin/routes/nope/mismatches", TOKEN, null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aKnownPathAskedWithAnotherMethodGets405NamingTheAllowedMethod() throws IOException {
        record Call(String method, String path, String allowed) {}
        for (Call call : List.of(
                new Call("POST", "/admin/routes", "GET"),
                new Call("DELETE", "/admin/routes/catalog-reads", "PUT"),
                new Call("GET", "/admin/routes/catalog-reads", "PUT"),
                new Call("PUT", "/admin/routes/catalog-reads/mismatches", "GET"))) {
            HttpResponse<String> response = admin(call.method(), call.path(), TOKEN, null);
            assertThat(response.statusCode())
                    .as(call.method() + " " + call.path())
                    .isEqualTo(405);
            assertThat(response.headers().firstValue("Allow")).hasValue(call.allowed());
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("\"status\":405");
        }
        assertThat(admin("POST", "/admin/routes", null, null).statusCode()).isEqualTo(401);
        assertThat(fileText()).isEqualTo(original);
    }

    @Test
    void theAdminApiIsNotReachableThroughThePublicPort() {
        assertThat(proxy.get("/admin/routes", "Authorization", "Bearer " + TOKEN)
                        .body())
                .isEqualTo("legacy");
    }
}
