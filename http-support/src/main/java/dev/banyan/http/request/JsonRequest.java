package dev.banyan.http.request;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Strict reading of a JSON request body into a typed request record. Every problem is collected with the JSON path
 * of the field at fault, so one 400 response lists everything wrong at once. Types are checked strictly:
 * {@code "12"} is not an integer, {@code 1.5} is not a whole number of won, a UUID is the canonical 36 characters.
 *
 * <pre>{@code
 * PlaceOrder order = JsonRequest.read(json, body -> new PlaceOrder(body.requiredUuid("customerId"), ...));
 * }</pre>
 * The getters answer {@code null} for a value they rejected; {@link #read} never hands out a record built from one.
 */
public final class JsonRequest {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final JsonNode node;
    private final String prefix;
    private final List<FieldError> errors;

    private JsonRequest(JsonNode node, String prefix, List<FieldError> errors) {
        this.node = node;
        this.prefix = prefix;
        this.errors = errors;
    }

    /**
     * Reads {@code body} with {@code reader} and returns its record, or throws one {@link InvalidInputException}
     * listing every field that was rejected (the record built from partial values is discarded).
     */
    public static <T> T read(JsonNode body, Function<JsonRequest, T> reader) {
        JsonRequest request = of(body);
        T result = reader.apply(request);
        request.throwIfInvalid();
        return result;
    }

    /** The request body, which must be a JSON object. */
    public static JsonRequest of(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw InvalidInputException.of("body", "must not be empty");
        }
        if (!node.isObject()) {
            throw InvalidInputException.of("body", "must be a JSON object");
        }
        return new JsonRequest(node, "", new ArrayList<>());
    }

    /** Parses a UUID from a path or query value, or fails with a 400 naming {@code field}. */
    public static UUID uuid(String value, String field) {
        if (value == null || !UUID_TEXT.matcher(value).matches()) {
            throw InvalidInputException.of(field, "must be a UUID");
        }
        return UUID.fromString(value);
    }

    public boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    public @Nullable String requiredText(String name) {
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

    public @Nullable String optionalText(String name) {
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

    public @Nullable Long requiredLong(String name, long min) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            reject(name, "must not be null");
            return null;
        }
        return checkedLong(name, value, min);
    }

    public @Nullable Long optionalLong(String name, long min) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        return checkedLong(name, value, min);
    }

    private @Nullable Long checkedLong(String name, JsonNode value, long min) {
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

    public @Nullable Boolean optionalBoolean(String name) {
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

    public @Nullable UUID requiredUuid(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            reject(name, "must not be null");
            return null;
        }
        return checkedUuid(name, value);
    }

    public @Nullable UUID optionalUuid(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        return checkedUuid(name, value);
    }

    private @Nullable UUID checkedUuid(String name, JsonNode value) {
        if (!value.isString() || !UUID_TEXT.matcher(value.stringValue()).matches()) {
            reject(name, "must be a UUID");
            return null;
        }
        return UUID.fromString(value.stringValue());
    }

    /** The objects of an array field; a missing or null field is an empty list. */
    public List<JsonRequest> optionalObjects(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return List.of();
        }
        return objects(name, value);
    }

    /** The objects of an array field that must be present and non-empty. */
    public List<JsonRequest> requiredObjects(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            reject(name, "must not be null");
            return List.of();
        }
        List<JsonRequest> objects = objects(name, value);
        if (value.isArray() && value.isEmpty()) {
            reject(name, "must not be empty");
        }
        return objects;
    }

    private List<JsonRequest> objects(String name, JsonNode value) {
        if (!value.isArray()) {
            reject(name, "must be an array");
            return List.of();
        }
        List<JsonRequest> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            String elementPath = name + "[" + i + "]";
            if (element == null || !element.isObject()) {
                reject(elementPath, "must be an object");
            } else {
                result.add(new JsonRequest(element, prefix + elementPath + ".", errors));
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
