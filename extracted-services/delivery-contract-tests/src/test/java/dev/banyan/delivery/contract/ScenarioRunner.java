package dev.banyan.delivery.contract;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plays the scenario list against one side: creates the accepted orders through the side's fixture, then sends every
 * scenario in order and records what a client sees (status, Content-Type, Allow, body), normalised.
 */
final class ScenarioRunner {

    /** What one scenario produced on one side; {@code observed} is already normalised. */
    record Outcome(Scenario scenario, int status, JsonNode observed, String rawBody) {}

    private ScenarioRunner() {}

    static List<Outcome> run(String baseUrl, DeliveryFixture fixture, List<String> orders, List<Scenario> scenarios) {
        Map<String, String> idByAlias = new LinkedHashMap<>();
        Map<String, String> aliasById = new LinkedHashMap<>();
        for (String alias : orders) {
            UUID order = fixture.acceptedOrder();
            idByAlias.put(alias, order.toString());
            idByAlias.put(alias.toUpperCase(Locale.ROOT), order.toString().toUpperCase(Locale.ROOT));
            JsonNode delivery = Http.expect(200, "GET", baseUrl + "/api/deliveries/" + order, null);
            aliasById.put(delivery.get("id").stringValue(), alias.replace("order", "delivery"));
        }
        idByAlias.forEach((alias, id) -> aliasById.put(id, alias));
        Normalizer normalizer = new Normalizer(aliasById);
        List<Outcome> outcomes = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            HttpResponse<String> response =
                    Http.send(scenario.method(), baseUrl + resolve(scenario.path(), idByAlias), null);
            ObjectNode observed = JsonNodeFactory.instance.objectNode();
            observed.put("status", response.statusCode());
            observed.put(
                    "contentType", response.headers().firstValue("Content-Type").orElse(null));
            observed.put("allow", response.headers().firstValue("Allow").orElse(null));
            JsonNode body = parse(response.body());
            observed.set(
                    "body",
                    normalizer.normalize(body == null ? JsonNodeFactory.instance.stringNode(response.body()) : body));
            outcomes.add(new Outcome(scenario, response.statusCode(), observed, response.body()));
        }
        return outcomes;
    }

    static String resolve(String path, Map<String, String> idByAlias) {
        String result = path;
        for (Map.Entry<String, String> alias : idByAlias.entrySet()) {
            result = result.replace("{" + alias.getKey() + "}", alias.getValue());
        }
        return result;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isEmpty()) {
            return null;
        }
        try {
            return Http.JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }
}
