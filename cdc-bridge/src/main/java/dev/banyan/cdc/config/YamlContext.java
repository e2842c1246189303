package dev.banyan.cdc.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the fields of one part of cdc.yml (the top level or a pipeline): typed values with their rules, {@code ${NAME}}
 * placeholders resolved, and every problem formatted as {@code <file>:<line>: pipeline '<name>': <field>: <reason>} and
 * collected, so that one run reports them all.
 */
final class YamlContext {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}");

    /** Thrown where the problems that make a part unusable have already been recorded. */
    static final class Reported extends ConfigException {
        Reported() {
            super("(reported)");
        }
    }

    final String file;
    final String pipeline;
    /** the path of the pipeline in the node tree, e.g. {@code pipelines[1].}, for line numbers */
    final String path;

    final Marks marks;
    final List<String> problems;
    /** resolves {@code ${NAME}} placeholders */
    private final Function<String, String> environment;

    YamlContext(
            String file,
            String pipeline,
            String path,
            Marks marks,
            List<String> problems,
            Function<String, String> environment) {
        this.file = file;
        this.pipeline = pipeline;
        this.path = path;
        this.marks = marks;
        this.problems = problems;
        this.environment = environment;
    }

    YamlContext named(String name) {
        return new YamlContext(file, name, path, marks, problems, environment);
    }

    ConfigException error(String field, String reason) {
        String where = pipeline == null
                ? ""
                : (pipeline.startsWith("pipelines[") ? pipeline + ": " : "pipeline '" + pipeline + "': ");
        int line = marks.line(path + field);
        return new ConfigException(file + (line > 0 ? ":" + line : "") + ": " + where + field + ": " + reason);
    }

    /** Runs {@code read}; a problem it raises is recorded and yields {@code null}, so reading goes on. */
    <T> T attempt(Supplier<T> read) {
        try {
            return read.get();
        } catch (Reported e) {
            return null;
        } catch (ConfigException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    boolean bool(Map<String, Object> map, String field, String key, boolean defaultValue) {
        Object value = map.get(key);
        if (value == null) {
            return defaultValue;
        }
        // YAML 1.1 also reads yes/no/on/off (and True, FALSE) as booleans; only true and false are accepted
        String written = marks.scalar(path + field);
        if (!(value instanceof Boolean b) || !("true".equals(written) || "false".equals(written))) {
            throw error(field, "must be true or false, was '" + (written != null ? written : value) + "'");
        }
        return b;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(Object node, String field) {
        if (!(node instanceof Map<?, ?> m)) {
            throw error(field.isEmpty() ? "(pipeline)" : field, "must be a mapping of fields, was " + describe(node));
        }
        for (Object key : m.keySet()) {
            if (!(key instanceof String)) {
                throw error(field, "has a non-text key '" + key + "'");
            }
        }
        return (Map<String, Object>) m;
    }

    @SuppressWarnings("unchecked")
    List<Object> list(Object node, String field) {
        if (node == null) {
            throw error(field, "is missing");
        }
        if (!(node instanceof List<?> l)) {
            throw error(field, "must be a list, was " + describe(node));
        }
        return (List<Object>) l;
    }

    void rejectUnknown(Map<String, Object> map, Set<String> known, String prefix) {
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                problems.add(error(
                                prefix + key,
                                "is not a known field (known: "
                                        + String.join(
                                                ", ", known.stream().sorted().toList()) + ")")
                        .getMessage());
            }
        }
    }

    String requiredString(Map<String, Object> map, String field) {
        return requiredString(map, field, field);
    }

    String requiredString(Map<String, Object> map, String field, String key) {
        Object value = map.get(key);
        if (value == null) {
            throw error(field, "is missing");
        }
        String text = substitute(field, scalar(field, value));
        if (text.isBlank()) {
            throw error(field, "must not be blank");
        }
        return text;
    }

    String optionalString(Map<String, Object> map, String field, String defaultValue) {
        return optionalString(map, field, field, defaultValue);
    }

    String optionalString(Map<String, Object> map, String field, String key, String defaultValue) {
        Object value = map.get(key);
        return value == null ? defaultValue : substitute(field, scalar(field, value));
    }

    int integer(Map<String, Object> map, String field, int defaultValue, int min, int max) {
        return integer(map, field, field, defaultValue, min, max);
    }

    int integer(Map<String, Object> map, String field, String key, int defaultValue, int min, int max) {
        Object value = map.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof Integer i)) {
            throw error(field, "must be a whole number, was '" + value + "'");
        }
        if (i < min || i > max) {
            throw error(field, "must be between " + min + " and " + max + ", was " + i);
        }
        return i;
    }

    Duration duration(Map<String, Object> map, String field, Duration defaultValue) {
        return duration(map, field, field, defaultValue);
    }

    Duration duration(Map<String, Object> map, String field, String key, Duration defaultValue) {
        Object value = map.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Map || value instanceof List) {
            throw error(field, "must be a duration like 500ms, 10s or 1m, was " + describe(value));
        }
        Duration duration = Durations.parse(String.valueOf(value))
                .orElseThrow(() -> error(field, "must be a duration like 500ms, 10s or 1m, was '" + value + "'"));
        if (duration.isNegative()) {
            throw error(field, "must not be negative");
        }
        return duration;
    }

    <E extends Enum<E>> E enumValue(Map<String, Object> map, String field, Class<E> type, E defaultValue) {
        return enumValue(map, field, field, type, defaultValue);
    }

    <E extends Enum<E>> E enumValue(Map<String, Object> map, String field, String key, Class<E> type, E defaultValue) {
        Object value = map.get(key);
        if (value == null) {
            return defaultValue;
        }
        String text = scalar(field, value).trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            allowed.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw error(field, "must be one of " + String.join(", ", allowed) + ", was '" + value + "'");
    }

    private String scalar(String field, Object value) {
        if (value instanceof Map || value instanceof List) {
            throw error(field, "must be a single value, was " + describe(value));
        }
        return String.valueOf(value);
    }

    private String substitute(String field, String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String variable = m.group(1);
            String value = environment.apply(variable);
            if (value == null) {
                if (m.group(2) == null) {
                    throw error(field, "environment variable " + variable + " is not set");
                }
                value = m.group(3);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String describe(Object node) {
        if (node == null) {
            return "empty";
        }
        if (node instanceof Map) {
            return "a mapping";
        }
        if (node instanceof List) {
            return "a list";
        }
        return "'" + node + "'";
    }
}
