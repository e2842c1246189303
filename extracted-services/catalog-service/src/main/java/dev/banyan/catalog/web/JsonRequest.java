package dev.banyan.catalog.web;

import dev.banyan.catalog.application.FieldProblem;
import dev.banyan.catalog.application.InvalidInputException;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Strict reading of a JSON request body: every problem is collected with the JSON path of the field at fault, so
 * one 400 lists everything wrong at once. Types are strict: {@code "12"} is not an integer, {@code 1.5} is not a
 * whole number of won.
 */
final class JsonRequest {

    private final JsonNode node;
    private final String prefix;
    private final List<FieldProblem> problems;

    private JsonRequest(JsonNode node, String prefix, List<FieldProblem> problems) {
        this.node = node;
        this.prefix = prefix;
        this.problems = problems;
    }

    static JsonRequest of(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new InvalidInputException("body", "must not be empty");
        }
        if (!node.isObject()) {
            throw new InvalidInputException("body", "must be a JSON object");
        }
        return new JsonRequest(node, "", new ArrayList<>());
    }

    boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    String requiredText(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            reject(name, "must not be blank");
            return null;
        }
        if (!value.isString()) {
            reject(name, "must be a string");
            return null;
        }
        if (value.stringValue().isBlank()) {
            reject(name, "must not be blank");
            return null;
        }
        return value.stringValue();
    }

    String optionalText(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            reject(name, "must be a string");
            return null;
        }
        return value.stringValue();
    }

    Long requiredLong(String name, long min) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            reject(name, "must not be null");
            return null;
        }
        return checkedLong(name, value, min);
    }

    Long optionalLong(String name, long min) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        return checkedLong(name, value, min);
    }

    private Long checkedLong(String name, JsonNode value, long min) {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            reject(name, "must be an integer");
            return null;
        }
        long number = value.longValue();
        if (number < min) {
            reject(name, "must be greater than or equal to " + min);
            return null;
        }
        return number;
    }

    Boolean optionalBoolean(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            reject(name, "must be a boolean");
            return null;
        }
        return value.booleanValue();
    }

    /** The objects of an array field; missing or null is an empty list. */
    List<JsonRequest> optionalObjects(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            reject(name, "must be an array");
            return List.of();
        }
        List<JsonRequest> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            String path = name + "[" + i + "]";
            if (element == null || !element.isObject()) {
                reject(path, "must be an object");
            } else {
                result.add(new JsonRequest(element, prefix + path + ".", problems));
            }
        }
        return result;
    }

    void reject(String name, String message) {
        problems.add(new FieldProblem(prefix + name, message));
    }

    String path(String name) {
        return prefix + name;
    }

    boolean isValid() {
        return problems.isEmpty();
    }

    void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
