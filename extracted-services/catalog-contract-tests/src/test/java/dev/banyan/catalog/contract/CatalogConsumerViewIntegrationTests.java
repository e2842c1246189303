package dev.banyan.catalog.contract;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.matching.ContentPattern;
import com.github.tomakehurst.wiremock.matching.EqualToJsonPattern;
import com.github.tomakehurst.wiremock.matching.MultiValuePattern;
import com.github.tomakehurst.wiremock.matching.MultipleMatchMultiValuePattern;
import com.github.tomakehurst.wiremock.matching.RequestPattern;
import com.github.tomakehurst.wiremock.matching.SingleMatchMultiValuePattern;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer's view: a client talks to the monolith through WireMock, which records every answer as a stub.
 * The stubs are then replayed as expectations against the catalog-service: same request, and the service's
 * answer must match the recorded one (status, Content-Type, Location and a strict JSON match of the body; only
 * ids created during the run and createdAt/updatedAt are normalised).
 */
@ExtendWith(CatalogApps.Extension.class)
class CatalogConsumerViewIntegrationTests {

    private final CatalogApps apps;
    private final WireMockServer recorder = new WireMockServer(options().dynamicPort());

    CatalogConsumerViewIntegrationTests(CatalogApps apps) {
        this.apps = apps;
    }

    /** A recorded stub seen as what the consumer expects of whoever serves the catalog. */
    record Expectation(
            String method,
            String url,
            String requestContentType,
            String requestBody,
            int status,
            String contentType,
            String location,
            String body) {

        static Expectation of(StubMapping stub) {
            var request = stub.getRequest();
            var response = stub.getResponse();
            Map<String, MultiValuePattern> headers = request.getHeaders();
            String requestContentType =
                    headers != null && headers.get("Content-Type") instanceof SingleMatchMultiValuePattern contentType
                            ? contentType.getValuePattern().getExpected()
                            : null;
            List<ContentPattern<?>> bodyPatterns = request.getBodyPatterns();
            String requestBody = bodyPatterns == null || bodyPatterns.isEmpty()
                    ? null
                    : bodyPatterns.get(0).getExpected();
            return new Expectation(
                    request.getMethod().getName(),
                    url(request),
                    requestContentType,
                    requestBody,
                    response.getStatus(),
                    header(response.getHeaders(), "Content-Type"),
                    header(response.getHeaders(), "Location"),
                    response.getBody());
        }

        /** The recorded URL; WireMock records a URL with query parameters as path plus parameter patterns. */
        private static String url(RequestPattern request) {
            if (request.getUrl() != null) {
                return request.getUrl();
            }
            StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
            Map<String, MultiValuePattern> parameters = request.getQueryParameters();
            if (parameters != null) {
                parameters.forEach((name, pattern) -> {
                    List<StringValuePattern> values = pattern instanceof MultipleMatchMultiValuePattern multiple
                            ? multiple.getValues()
                            : List.of(((SingleMatchMultiValuePattern) pattern).getValuePattern());
                    values.forEach(value -> query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(value.getExpected(), StandardCharsets.UTF_8)));
                });
            }
            return request.getUrlPath() + query;
        }

        private static String header(com.github.tomakehurst.wiremock.http.HttpHeaders headers, String name) {
            if (headers == null) {
                return null;
            }
            HttpHeader header = headers.getHeader(name);
            return header.isPresent() ? header.firstValue() : null;
        }

        Scenario asScenario() {
            return Scenario.send(method + " " + url, method, url, requestContentType, requestBody, status);
        }
    }

    @BeforeEach
    void sameDataAndARecorderInFrontOfTheMonolith() {
        CatalogFixture.loadBoth(apps);
        recorder.start();
    }

    @AfterEach
    void stopRecorder() {
        recorder.stop();
    }

    @Test
    void catalogServiceMeetsEveryExpectationRecordedFromTheMonolith() {
        List<Scenario> consumer = new ArrayList<>(CatalogScenarios.reads());
        consumer.addAll(CatalogScenarios.badInput());
        consumer.add(CatalogScenarios.writes().get(0));
        List<Expectation> expectations = record(consumer);
        assertThat(expectations).hasSizeGreaterThan(50);

        List<String> unmet = new ArrayList<>();
        // WireMock hands the stubs back in no particular order: replay the reads and rejected requests first and the
        // one that creates a restaurant last, so every recorded read sees the data it saw on the monolith.
        List<Expectation> replayOrder = expectations.stream()
                .sorted(java.util.Comparator.comparing(expected -> expected.status() == 201))
                .toList();
        assertThat(replayOrder).filteredOn(expected -> expected.status() == 201).hasSize(1);
        for (Expectation expected : replayOrder) {
            String unmetReason = check(expected);
            if (unmetReason != null) {
                unmet.add(expected.method() + " " + expected.url() + ": " + unmetReason);
            }
        }
        assertThat(unmet).as(String.join("\n", unmet)).isEmpty();
    }

    @Test
    void aRecordedExpectationRejectsADeviatingAnswer() {
        String path =
                "/api/restaurants/" + CatalogFixture.restaurant("교촌치킨 강남점").id();
        Expectation recorded =
                record(List.of(Scenario.get("detail", path, 200))).get(0);
        assertThat(check(recorded)).isNull();

        Expectation tampered = new Expectation(
                recorded.method(),
                recorded.url(),
                null,
                null,
                recorded.status(),
                recorded.contentType(),
                null,
                recorded.body().replace("\"minimumOrderAmount\":10000", "\"minimumOrderAmount\":10001"));
        assertThat(tampered.body()).isNotEqualTo(recorded.body());
        assertThat(check(tampered)).contains("body");
    }

    /** Plays the scenarios through WireMock in recording mode; returns one expectation per distinct request. */
    private List<Expectation> record(List<Scenario> scenarios) {
        recorder.startRecording(WireMock.recordSpec()
                .forTarget(apps.monolith.baseUrl())
                .captureHeader("Content-Type")
                .matchRequestBodyWithEqualTo()
                .ignoreRepeatRequests()
                .makeStubsPersistent(false));
        List<ScenarioRunner.Outcome> throughRecorder = ScenarioRunner.run(recorder.baseUrl(), scenarios);
        for (ScenarioRunner.Outcome outcome : throughRecorder) {
            assertThat(outcome.status())
                    .as(outcome.scenario() + " through the recorder: " + outcome.rawBody())
                    .isEqualTo(outcome.scenario().expectedStatus());
        }
        return recorder.stopRecording().getStubMappings().stream()
                .map(Expectation::of)
                .toList();
    }

    /** @return why the catalog-service does not meet the expectation, or null when it does */
    private String check(Expectation expected) {
        HttpResponse<String> actual = ScenarioRunner.send(apps.service.baseUrl(), expected.asScenario(), Map.of());
        if (actual.statusCode() != expected.status()) {
            return "status " + actual.statusCode() + ", recorded " + expected.status() + " (" + actual.body() + ")";
        }
        String contentType = actual.headers().firstValue("Content-Type").orElse(null);
        if (!java.util.Objects.equals(contentType, expected.contentType())) {
            return "Content-Type " + contentType + ", recorded " + expected.contentType();
        }
        Normalizer recordedIds = normalizerFor(expected.body());
        Normalizer serviceIds = normalizerFor(actual.body());
        String location =
                serviceIds.text(actual.headers().firstValue("Location").orElse(null));
        if (!java.util.Objects.equals(location, recordedIds.text(expected.location()))) {
            return "Location " + location + ", recorded " + expected.location();
        }
        String recordedBody = json(recordedIds, expected.body());
        String serviceBody = json(serviceIds, actual.body());
        if (!new EqualToJsonPattern(recordedBody, false, false)
                .match(serviceBody)
                .isExactMatch()) {
            return "body differs\n  recorded: " + recordedBody + "\n  service:  " + serviceBody;
        }
        return null;
    }

    /** A created resource's own id is volatile: alias it the same way on both sides. */
    private static Normalizer normalizerFor(String body) {
        JsonNode json = ScenarioRunner.parse(body);
        if (json != null
                && json.has("id")
                && json.has("createdAt")
                && json.path("id").isString()) {
            return new Normalizer(Map.of(json.get("id").stringValue(), "created"));
        }
        return new Normalizer(Map.of());
    }

    private static String json(Normalizer normalizer, String body) {
        JsonNode json = ScenarioRunner.parse(body);
        return json == null
                ? ScenarioRunner.JSON.writeValueAsString(body)
                : normalizer.normalize(json).toString();
    }
}
