package dev.banyan.cdc.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The fields every kind of pipeline has: its name, slot and publication names, source endpoint, Debezium properties. */
final class CommonFields {

    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,40}");
    static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Set<String> ENDPOINT_FIELDS = Set.of("url", "user", "password");

    private CommonFields() {}

    static String name(YamlContext position, Map<String, Object> map) {
        String text = position.requiredString(map, "name");
        if (!NAME.matcher(text).matches()) {
            throw position.error(
                    "name",
                    "'" + text
                            + "' must be lower-case letters, digits and '-', starting with a letter (at most 41 characters)");
        }
        return text;
    }

    static String identifier(YamlContext ctx, String value, String field, String rule) {
        if (!IDENTIFIER.matcher(value).matches()) {
            throw ctx.error(field, "'" + value + "' " + rule);
        }
        return value;
    }

    /** The endpoint, or {@code null} when it has a problem (recorded). */
    static DatabaseEndpoint endpoint(YamlContext ctx, Object node, String field) {
        if (node == null) {
            ctx.problems.add(
                    ctx.error(field, "is missing (url, user, password)").getMessage());
            return null;
        }
        return ctx.attempt(() -> endpointFields(ctx, node, field));
    }

    private static DatabaseEndpoint endpointFields(YamlContext ctx, Object node, String field) {
        Map<String, Object> map = ctx.map(node, field);
        int before = ctx.problems.size();
        ctx.rejectUnknown(map, ENDPOINT_FIELDS, field + ".");
        String url = ctx.attempt(() -> {
            String text = ctx.requiredString(map, field + ".url", "url");
            try {
                DatabaseEndpoint.JdbcTarget.parse(text);
            } catch (IllegalArgumentException e) {
                throw ctx.error(field + ".url", "'" + text + "' " + e.getMessage());
            }
            return text;
        });
        String user = ctx.attempt(() -> ctx.requiredString(map, field + ".user", "user"));
        String password = ctx.attempt(() -> ctx.optionalString(map, field + ".password", "password", ""));
        return ctx.problems.size() > before ? null : new DatabaseEndpoint(url, user, password);
    }

    static Map<String, String> debezium(YamlContext ctx, Object node) {
        if (node == null) {
            return Map.of();
        }
        Map<String, Object> entries = ctx.attempt(() -> ctx.map(node, "debezium"));
        if (entries == null) {
            return null;
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : entries.entrySet()) {
            String field = "debezium." + e.getKey();
            String value = ctx.attempt(() -> {
                ConnectorProperties.whyOwned(e.getKey()).ifPresent(reason -> {
                    throw ctx.error(field, reason);
                });
                if (e.getValue() == null) {
                    throw ctx.error(field, "has no value");
                }
                return ctx.optionalString(Map.of(e.getKey(), e.getValue()), field, e.getKey(), "");
            });
            if (value != null) {
                properties.put(e.getKey(), value);
            }
        }
        return Map.copyOf(properties);
    }
}
