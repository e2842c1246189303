package dev.banyan.catalog.contract;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Masks the contract's declared volatile fields so two applications' answers can be compared for equality:
 * <ul>
 *     <li>ids created during the run (wherever they appear: body values, Location, problem details) become their
 *     alias, e.g. {@code {new-restaurant}};</li>
 *     <li>{@code createdAt} and {@code updatedAt} become {@code <instant>}, but only when they are ISO-8601
 *     instants, so a wrong format still shows as a difference.</li>
 * </ul>
 * Nothing else is touched.
 */
final class Normalizer {

    static final String INSTANT = "<instant>";

    private final Map<String, String> aliasById;

    Normalizer(Map<String, String> aliasById) {
        this.aliasById = Map.copyOf(aliasById);
    }

    JsonNode normalize(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                JsonNode value = field.getValue();
                if (isVolatileTimestamp(field.getKey(), value)) {
                    copy.put(field.getKey(), INSTANT);
                } else {
                    copy.set(field.getKey(), normalize(value));
                }
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(normalize(element)));
            return copy;
        }
        if (node.isString()) {
            return JsonNodeFactory.instance.stringNode(text(node.stringValue()));
        }
        return node;
    }

    String text(String value) {
        if (value == null) {
            return null;
        }
        String result = value;
        for (Map.Entry<String, String> created : aliasById.entrySet()) {
            result = result.replace(created.getKey(), "{" + created.getValue() + "}");
        }
        return result;
    }

    private static boolean isVolatileTimestamp(String field, JsonNode value) {
        if (!(field.equals("createdAt") || field.equals("updatedAt")) || !value.isString()) {
            return false;
        }
        try {
            Instant.parse(value.stringValue());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
