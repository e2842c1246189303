package dev.banyan.monolith.shared;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Strict reading of a JSON request body. Every problem is collected with the JSON path of the field at fault, so
 * one 400 response lists everything wrong at once; {@link #throwIfInvalid()} raises them. Types are checked
 * strictly: {@code "12"} is not an integer and {@code 1.5} is not a whole number of won.
 */
public final class JsonBody {

    private final JsonNode node;
    private final String prefix;
    private final List<FieldError> errors;

    private JsonBody(JsonNode node, String prefix, List<FieldError> errors) {
        this.node = node;
        this.prefix = prefix;
        this.errors = errors;
    }

    /** The request body, which must be a JSON object. */
    public static JsonBody of(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw InvalidInputException.of("body", "must not be empty");
        }
        if (!node.isObject()) {
            throw InvalidInputException.of("body", "must be a JSON object");
        }
        return new JsonBody(node, "", new ArrayList<>());
    }

    public boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    public String requiredText(String name) {
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

    public String optionalText(String name) {
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

    public Long requiredLong(String name, long min) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            reject(name, "must not be null");
            return null;
        }
        return checkedLong(name, value, min);
    }

    public Long optionalLong(String name, long min) {
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

    public Boolean optionalBoolean(String name) {
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

    public UUID requiredUuid(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            reject(name, "must not be null");
            return null;
        }
        return checkedUuid(name, value);
    }

    public UUID optionalUuid(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        return checkedUuid(name, value);
    }

    private UUID checkedUuid(String name, JsonNode value) {
        if (!value.isString()) {
            reject(name, "must be a UUID");
            return null;
        }
        try {
            return Ids.parse(value.stringValue(), name);
        } catch (InvalidInputException e) {
            reject(name, "must be a UUID");
            return null;
        }
    }

    /** The objects of an array field; a missing or null field is an empty list. */
    public List<JsonBody> optionalObjects(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return List.of();
        }
        return objects(name, value);
    }

    /** The objects of an array field that must be present and non-empty. */
    public List<JsonBody> requiredObjects(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            reject(name, "must not be null");
            return List.of();
        }
        List<JsonBody> objects = objects(name, value);
        if (value.isArray() && value.isEmpty()) {
            reject(name, "must not be empty");
        }
        return objects;
    }

    private List<JsonBody> objects(String name, JsonNode value) {
        if (!value.isArray()) {
            reject(name, "must be an array");
            return List.of();
        }
        List<JsonBody> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            String elementPath = name + "[" + i + "]";
            if (element == null || !element.isObject()) {
                reject(elementPath, "must be an object");
            } else {
                result.add(new JsonBody(element, prefix + elementPath + ".", errors));
            }
        }
        return result;
    }

    /** Records a problem with {@code name} (relative to this object). */
    public void reject(String name, String message) {
        errors.add(new FieldError(prefix + name, message));
    }

    /** The JSON path of {@code name} relative to the request body. */
    public String path(String name) {
        return prefix + name;
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
