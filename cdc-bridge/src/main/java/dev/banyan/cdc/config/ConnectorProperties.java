package dev.banyan.cdc.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which Debezium connector properties a pipeline's {@code debezium:} block may set. The bridge owns the properties its
 * guarantees rest on (slot, publication, offsets, transaction metadata, value rendering, what is captured); all other
 * connector properties pass through unchanged and win over the bridge's defaults (queue sizes, intervals, SSL...).
 */
public final class ConnectorProperties {

    /** Owned properties, each with the pipeline field that sets it, if there is one. */
    private static final Map<String, String> OWNED = Map.ofEntries(
            Map.entry("name", ""),
            Map.entry("connector.class", ""),
            Map.entry("topic.prefix", ""),
            Map.entry("plugin.name", ""),
            Map.entry("slot.name", "slot"),
            Map.entry("slot.drop.on.stop", ""),
            Map.entry("publication.name", "publication"),
            Map.entry("publication.autocreate.mode", ""),
            Map.entry("snapshot.mode", "snapshot"),
            Map.entry("snapshot.select.statement.overrides", ""),
            Map.entry("provide.transaction.metadata", ""),
            Map.entry("heartbeat.interval.ms", "heartbeat-interval"),
            Map.entry("heartbeat.action.query", "heartbeat-interval"),
            Map.entry("tombstones.on.delete", ""),
            Map.entry("decimal.handling.mode", ""),
            Map.entry("interval.handling.mode", ""),
            Map.entry("hstore.handling.mode", ""),
            Map.entry("binary.handling.mode", ""),
            Map.entry("time.precision.mode", ""),
            Map.entry("include.unknown.datatypes", ""),
            Map.entry("datatype.propagate.source.type", ""),
            Map.entry("max.batch.size", "batch-size"),
            Map.entry("skipped.operations", ""),
            Map.entry("message.key.columns", "tables[].key"),
            Map.entry("event.processing.failure.handling.mode", "on-reject"),
            Map.entry("errors.max.retries", ""),
            Map.entry("database.hostname", "source.url"),
            Map.entry("database.port", "source.url"),
            Map.entry("database.dbname", "source.url"),
            Map.entry("database.user", "source.user"),
            Map.entry("database.password", "source.password"));

    /** Owned families: offsets, what is captured, record transformation. */
    private static final List<String> OWNED_PREFIXES = List.of(
            "offset.",
            "table.",
            "schema.",
            "column.",
            "transforms",
            "predicates",
            "converters",
            "key.converter",
            "value.converter");

    private ConnectorProperties() {}

    /** Why the bridge does not let {@code property} be set, or empty when it may be. */
    public static Optional<String> whyOwned(String property) {
        String field = OWNED.get(property);
        if (field == null) {
            for (String prefix : OWNED_PREFIXES) {
                if (property.startsWith(prefix)) {
                    field = "";
                }
            }
        }
        if (field == null) {
            return Optional.empty();
        }
        return Optional.of("is set by the bridge and cannot be overridden"
                + (field.isEmpty() ? "" : " (set the pipeline's " + field + " instead)")
                + "; the bridge owns "
                + String.join(", ", OWNED.keySet().stream().sorted().toList())
                + " and every " + String.join("*, ", OWNED_PREFIXES) + "* property");
    }
}
