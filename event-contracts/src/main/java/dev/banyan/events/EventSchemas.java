package dev.banyan.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schemas of {@code banyan/events/index.json}, loaded from the class path and compiled once. Consumers call
 * {@link #problems} before they map a payload to their own types; producers' tests call it on what they wrote.
 * Thread-safe after construction.
 */
public final class EventSchemas {

    private static final String ROOT = "banyan/events/";

    private final Map<String, EventType> types = new LinkedHashMap<>();
    private final Map<String, Schema> schemas = new LinkedHashMap<>();
    private final ObjectMapper json = JsonMapper.builder().build();

    private EventSchemas() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        JsonNode index = json.readTree(resource("index.json"));
        for (JsonNode entry : index.required("events")) {
            EventType type = new EventType(
                    entry.required("type").asString(),
                    entry.required("version").asInt(),
                    entry.required("aggregateType").asString(),
                    entry.required("topic").asString(),
                    entry.required("schema").asString(),
                    entry.required("example").asString());
            types.put(key(type.type(), type.version()), type);
            schemas.put(key(type.type(), type.version()), registry.getSchema(json.readTree(resource(type.schema()))));
        }
    }

    /** Loads every schema listed in the index; fails if the index or a schema is missing or not JSON. */
    public static EventSchemas load() {
        return new EventSchemas();
    }

    /** Every event type and version, in index order. */
    public List<EventType> types() {
        return List.copyOf(types.values());
    }

    public Optional<EventType> find(String type, int version) {
        return Optional.ofNullable(types.get(key(type, version)));
    }

    /**
     * What is wrong with a payload for an event type and version; empty when it is valid. An unknown type or
     * version and a payload that is not JSON are problems too, each named in the answer.
     */
    public List<String> problems(String type, int version, String payload) {
        Schema schema = schemas.get(key(type, version));
        if (schema == null) {
            return List.of("unknown event type or version: " + type + " v" + version + " (known: "
                    + String.join(", ", types.keySet()) + ")");
        }
        JsonNode document;
        try {
            document = json.readTree(payload);
        } catch (JacksonException e) {
            return List.of("payload is not JSON: " + e.getOriginalMessage());
        }
        return schema.validate(document).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                .toList();
    }

    /** A valid example payload of the event, for producers' and consumers' tests. */
    public String example(EventType type) {
        return new String(resource(type.example()), StandardCharsets.UTF_8);
    }

    private static String key(String type, int version) {
        return type + " v" + version;
    }

    private static byte[] resource(String name) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing class-path resource " + ROOT + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + ROOT + name, e);
        }
    }
}
