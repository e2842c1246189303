package dev.banyan.delivery.contract;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Masks the delivery contract's declared volatile fields so two sides' answers can be compared for equality:
 * <ul>
 *     <li>ids each side created for the run (order ids, in upper case too, and delivery ids), wherever they appear,
 *     become their alias, e.g. {@code {order-a}};</li>
 *     <li>{@code assignedAt}, {@code pickedUpAt}, {@code deliveredAt} and {@code cancelledAt} become
 *     {@code <instant>}, but only when they are ISO-8601 instants, so a wrong format or a null still shows.</li>
 * </ul>
 * Nothing else is touched: riders, restaurant ids, addresses, statuses and problem texts are compared as they are.
 */
final class Normalizer {

    static final String INSTANT = "<instant>";
    static final Set<String> TIMESTAMPS = Set.of("assignedAt", "pickedUpAt", "deliveredAt", "cancelledAt");

    private final Map<String, String> aliasById;

    Normalizer(Map<String, String> aliasById) {
        this.aliasById = Map.copyOf(aliasById);
    }

    JsonNode normalize(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                JsonNode value = field.getValue();
                copy.set(
                        field.getKey(),
                        isTimestamp(field.getKey(), value)
                                ? JsonNodeFactory.instance.stringNode(INSTANT)
                                : normalize(value));
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

    private static boolean isTimestamp(String field, JsonNode value) {
        if (!TIMESTAMPS.contains(field) || !value.isString()) {
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
