package dev.banyan.proxy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
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
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Event routes: the routes file's stage reaches the legacy application's switch (a WireMock stand-in for the
 * monolith's {@code /internal/event-routes/delivery}), through start-up, the admin API, hand edits, a failing switch
 * and a switch that lost its stage.
 */
class EventRoutesIntegrationTests {

    static final String SWITCH = "/internal/event-routes/delivery";

    static final WireMockServer legacy =
            new WireMockServer(options().dynamicPort().templatingEnabled(true));

    static final String ADMIN_TOKEN = "admin-token";

    static final String SWITCH_TOKEN = "switch-token";

    @TempDir
    static Path dir;

    static ProxyTestSupport proxy;

    static String original;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void start() {
        legacy.start();
        answerLikeTheSwitch();
        original = """
                legacy:
                  uri: "http://127.0.0.1:%d"
                routes: []
                event-routes:
                  - id: delivery-events   # who assigns riders to newly accepted orders
                    switch: "http://127.0.0.1:%d%s"
                    stage: LEGACY
                """.formatted(legacy.port(), legacy.port(), SWITCH);
        proxy = ProxyTestSupport.start(
                dir,
                original,
                "--banyan.admin.token=" + ADMIN_TOKEN,
                "--banyan.event-routes.token=" + SWITCH_TOKEN,
                "--banyan.event-routes.check-interval=100ms",
                "--banyan.event-routes.recheck-interval=1s",
                "--banyan.event-routes.confirm-timeout=2s");
    }

    @AfterAll
    static void stop() {
        proxy.close();
        legacy.stop();
    }

    /** A switch that takes every PUT and says it holds the stage it was given; GET answers LEGACY until told. */
    static void answerLikeTheSwitch() {
        legacy.resetAll();
        legacy.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
        legacy.stubFor(put(urlEqualTo(SWITCH))
                .withHeader("Authorization", equalTo("Bearer " + SWITCH_TOKEN))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"name\":\"delivery\",\"stage\":\"{{jsonPath request.body '$.stage'}}\"}")
                        .withTransformers("response-template")));
        switchHolds("LEGACY");
    }

    static void switchHolds(String stage) {
        legacy.stubFor(get(urlEqualTo(SWITCH))
                .withHeader("Authorization", equalTo("Bearer " + SWITCH_TOKEN))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"name\":\"delivery\",\"stage\":\"" + stage + "\"}")));
    }

    @BeforeEach
    void restore() {
        answerLikeTheSwitch();
        if (!proxy.routes().appliedText().equals(original)) {
            proxy.rewriteRoutes(original);
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> status().path("inSync").asBoolean());
    }

    private JsonNode status() {
        HttpResponse<String> response = proxy.admin("GET", "/admin/event-routes", ADMIN_TOKEN, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body()).path("eventRoutes").get(0);
    }

    private static String fileText() throws IOException {
        return Files.readString(proxy.routesFile, StandardCharsets.UTF_8);
    }

    @Test
    void theStageOfTheFileReachesTheSwitchAtStartWithTheToken() {
        JsonNode status = status();
        assertThat(status.path("id").asString()).isEqualTo("delivery-events");
        assertThat(status.path("stage").asString()).isEqualTo("LEGACY");
        assertThat(status.path("confirmedStage").asString()).isEqualTo("LEGACY");
        assertThat(status.path("switch").asString()).endsWith(SWITCH);
    }

    @Test
    void anAdminChangeIsWrittenToTheFileAndConfirmedByTheSwitchBeforeItAnswers() throws IOException {
        HttpResponse<String> response =
                proxy.admin("PUT", "/admin/event-routes/delivery-events", ADMIN_TOKEN, "{\"stage\":\"MIGRATED\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("confirmedStage").asString()).isEqualTo("MIGRATED");
        assertThat(body.path("inSync").asBoolean()).isTrue();
        assertThat(fileText())
                .isEqualTo(original.replace("    stage: LEGACY\n", "    stage: MIGRATED\n"))
                .contains("# who assigns riders to newly accepted orders");
        legacy.verify(putRequestedFor(urlEqualTo(SWITCH))
                .withHeader("Authorization", equalTo("Bearer " + SWITCH_TOKEN))
                .withRequestBody(equalToJson("{\"stage\":\"MIGRATED\"}")));
    }

    @Test
    void aHandEditOfTheFileReachesTheSwitch() {
        proxy.rewriteRoutes(original.replace("stage: LEGACY", "stage: SHADOW"));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThat(status().path("confirmedStage").asString()).isEqualTo("SHADOW"));
        legacy.verify(putRequestedFor(urlEqualTo(SWITCH)).withRequestBody(equalToJson("{\"stage\":\"SHADOW\"}")));
    }

    @Test
    void aFailingSwitchGets202AndIsRetriedUntilItConfirms() {
        legacy.stubFor(put(urlEqualTo(SWITCH))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":503,\"detail\":\"database is restarting\"}")));

        HttpResponse<String> response =
                proxy.admin("PUT", "/admin/event-routes/delivery-events", ADMIN_TOKEN, "{\"stage\":\"MIGRATED\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("inSync").asBoolean()).isFalse();
        assertThat(body.path("confirmedStage").asString()).isEqualTo("LEGACY");
        assertThat(body.path("lastError").asString()).contains("503").contains("database is restarting");

        answerLikeTheSwitch();
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() ->
                        assertThat(status().path("confirmedStage").asString()).isEqualTo("MIGRATED"));
        assertThat(status().path("lastError").isNull()).isTrue();
    }

    @Test
    void aSwitchThatLostItsStageIsSetAgain() {
        proxy.admin("PUT", "/admin/event-routes/delivery-events", ADMIN_TOKEN, "{\"stage\":\"MIGRATED\"}");
        switchHolds("MIGRATED");
        legacy.resetRequests();

        // the legacy database was restored from a backup taken before the cutover
        switchHolds("LEGACY");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(legacy.findAll(putRequestedFor(urlEqualTo(SWITCH))))
                        .extracting(LoggedRequest::getBodyAsString)
                        .contains("{\"stage\":\"MIGRATED\"}"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"stage\":\"CANARY\"}",
                "{\"stage\":\"SOON\"}",
                "{\"stage\":1}",
                "{}",
                "{\"stage\":\"MIGRATED\",\"percent\":5}",
                "[\"MIGRATED\"]",
                "{\"stage\":"
            })
    void badBodiesGet400AndChangeNothing(String body) throws IOException {
        HttpResponse<String> response = proxy.admin("PUT", "/admin/event-routes/delivery-events", ADMIN_TOKEN, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(fileText()).isEqualTo(original);
    }

    @Test
    void unknownEventRouteGets404AndOtherMethods405() {
        HttpResponse<String> unknown =
                proxy.admin("PUT", "/admin/event-routes/payment-events", ADMIN_TOKEN, "{\"stage\":\"MIGRATED\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no event route with id 'payment-events'");

        HttpResponse<String> post = proxy.admin("POST", "/admin/event-routes/delivery-events", ADMIN_TOKEN, "{}");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("PUT");
    }

    @Test
    void withoutTheAdminTokenNothingIsShownOrChanged() throws IOException {
        assertThat(proxy.admin("GET", "/admin/event-routes", null, null).statusCode())
                .isEqualTo(401);
        assertThat(proxy.admin("PUT", "/admin/event-routes/delivery-events", "wrong", "{\"stage\":\"MIGRATED\"}")
                        .statusCode())
                .isEqualTo(401);
        assertThat(fileText()).isEqualTo(original);
    }
}
