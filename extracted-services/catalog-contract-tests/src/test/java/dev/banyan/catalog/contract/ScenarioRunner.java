package dev.banyan.catalog.contract;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plays a list of scenarios, in order, against one application and records what a client sees: status,
 * Content-Type, Location and body, with the declared volatile fields normalised.
 */
final class ScenarioRunner {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What one scenario produced on one application. {@code observed} is already normalised. */
    record Outcome(Scenario scenario, int status, JsonNode observed, String rawBody) {}

    private ScenarioRunner() {}

    static List<Outcome> run(String baseUrl, List<Scenario> scenarios) {
        Map<String, String> idByAlias = new LinkedHashMap<>();
        Map<String, String> aliasById = new LinkedHashMap<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            HttpResponse<String> response = send(baseUrl, scenario, idByAlias);
            JsonNode body = parse(response.body());
            if (scenario.captureAs() != null
                    && response.statusCode() == 201
                    && body != null
                    && body.path("id").isString()) {
                idByAlias.put(scenario.captureAs(), body.get("id").stringValue());
                aliasById.put(body.get("id").stringValue(), scenario.captureAs());
            }
            Normalizer normalizer = new Normalizer(aliasById);
            ObjectNode observed = JsonNodeFactory.instance.objectNode();
            observed.put("status", response.statusCode());
            observed.put(
                    "contentType", response.headers().firstValue("Content-Type").orElse(null));
            observed.put(
                    "location",
                    normalizer.text(response.headers().firstValue("Location").orElse(null)));
            observed.set(
                    "body",
                    normalizer.normalize(body == null ? JsonNodeFactory.instance.stringNode(response.body()) : body));
            outcomes.add(new Outcome(scenario, response.statusCode(), observed, response.body()));
        }
        return outcomes;
    }

    static HttpResponse<String> send(String baseUrl, Scenario scenario, Map<String, String> idByAlias) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + resolve(scenario.path(), idByAlias)))
                .timeout(Duration.ofSeconds(30));
        if (scenario.contentType() != null) {
            request.header("Content-Type", scenario.contentType());
        }
        HttpRequest.BodyPublisher body = scenario.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(resolve(scenario.body(), idByAlias), StandardCharsets.UTF_8);
        request.method(scenario.method(), body);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(scenario + " failed against " + baseUrl + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(scenario + " interrupted", e);
        }
    }

    static String resolve(String text, Map<String, String> idByAlias) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (Map.Entry<String, String> alias : idByAlias.entrySet()) {
            result = result.replace("{" + alias.getKey() + "}", alias.getValue());
        }
        if (result.matches("(?s).*\\{new-[a-z0-9-]+}.*")) {
            throw new IllegalStateException("Unresolved alias in '" + text + "': the scenario creating it failed");
        }
        return result;
    }

    static JsonNode parse(String body) {
        if (body == null || body.isEmpty()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }
}
