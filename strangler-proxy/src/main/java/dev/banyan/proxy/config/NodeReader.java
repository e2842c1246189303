package dev.banyan.proxy.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.convert.DurationStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads typed values out of a YAML node tree and collects every problem with its line and field instead of stopping
 * at the first, so one run of the reader names them all. Each method returns {@code null} (or the given default) for
 * a value it rejected, after recording why.
 *
 * <p>The value rules are the project's: durations as Spring Boot's {@link DurationStyle} reads them ({@code 500ms},
 * {@code 2s}, {@code 1h}, {@code PT30S}; a bare number is milliseconds), and booleans as {@code true} or
 * {@code false} only, since YAML 1.1's {@code yes}, {@code on} and friends are misread too easily.
 */
final class NodeReader {

    private static final Duration SMALLEST_DURATION = Duration.ofMillis(1);

    private final List<ConfigProblem> problems = new ArrayList<>();

    List<ConfigProblem> problems() {
        return problems;
    }

    int problemCount() {
        return problems.size();
    }

    void problem(int line, String field, String reason) {
        problems.add(new ConfigProblem(line, field, reason));
    }

    void problem(ConfigProblem problem) {
        problems.add(problem);
    }

    void problem(Node node, String field, String reason) {
        problem(line(node), field, reason);
    }

    /** The fields of a mapping by name; unknown and repeated names are problems. {@code allowed == null}: any name. */
    @Nullable
    Map<String, NodeTuple> mapping(Node node, String field, Set<String> allowed) {
        if (!(node instanceof MappingNode map)) {
            problem(node, field, "must be a mapping of fields");
            return null;
        }
        Map<String, NodeTuple> result = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problem(tuple.getKeyNode(), field, "keys must be plain names");
                continue;
            }
            String name = key.getValue();
            String path = field.equals("(root)") ? name : field + "." + name;
            if (allowed != null && !allowed.contains(name)) {
                problem(
                        key,
                        path,
                        "unknown field (expected one of "
                                + String.join(", ", allowed.stream().sorted().toList()) + ")");
                continue;
            }
            if (result.putIfAbsent(name, tuple) != null) {
                problem(key, path, "appears twice");
            }
        }
        return result;
    }

    @Nullable
    String scalar(Node node, String field) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        problem(node, field, "must be a single value");
        return null;
    }

    @Nullable
    String requiredScalar(Map<String, NodeTuple> fields, String key, String field, Node owner) {
        NodeTuple tuple = fields.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            problem(owner, field + "." + key, "is required");
            return null;
        }
        String value = scalar(tuple.getValueNode(), field + "." + key);
        return value == null ? null : value.trim();
    }

    /** A list of single values; one single value is a list of one. */
    @Nullable
    List<ScalarNode> stringList(Node node, String field) {
        if (node instanceof ScalarNode s && !s.getValue().isBlank()) {
            return List.of(s);
        }
        if (!(node instanceof SequenceNode seq)) {
            problem(node, field, "must be a list");
            return null;
        }
        List<ScalarNode> items = new ArrayList<>();
        for (Node item : seq.getValue()) {
            if (item instanceof ScalarNode s) {
                items.add(s);
            } else {
                problem(item, field, "list items must be single values");
            }
        }
        return items;
    }

    /**
     * A positive duration in {@link DurationStyle}'s simple ({@code 500ms}, {@code 2s}, {@code 1h}) or ISO-8601
     * ({@code PT30S}) form, at least a millisecond; absent: the default.
     */
    Duration duration(NodeTuple tuple, String field, Duration defaultValue) {
        if (tuple == null) {
            return defaultValue;
        }
        String text = scalar(tuple.getValueNode(), field);
        if (text == null) {
            return defaultValue;
        }
        Duration duration;
        try {
            duration = DurationStyle.detectAndParse(text.trim());
        } catch (IllegalArgumentException e) {
            problem(
                    tuple.getValueNode(),
                    field,
                    "bad duration '" + text
                            + "' (use a number with a unit such as 500ms, 2s, 5m or 1h, or ISO-8601 such as PT30S)");
            return defaultValue;
        }
        if (duration.isZero() || duration.isNegative()) {
            problem(tuple.getValueNode(), field, "must be greater than zero");
        } else if (duration.compareTo(SMALLEST_DURATION) < 0) {
            problem(tuple.getValueNode(), field, "must be at least 1ms (was " + text.trim() + ")");
        }
        return duration;
    }

    /** {@code true} or {@code false}, in any case; anything else, {@code yes} and {@code on} included, is a problem. */
    boolean bool(Node node, String field) {
        String text = scalar(node, field);
        if (text == null) {
            return false;
        }
        String value = text.trim();
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (!value.equalsIgnoreCase("false")) {
            problem(node, field, "'" + text + "' is not a boolean (write true or false)");
        }
        return false;
    }

    /** A number from 0 to 100 with at most two decimals. */
    @Nullable
    Double percent(Node node, String field) {
        String text = scalar(node, field);
        if (text == null) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            problem(node, field, "'" + text + "' is not a number");
            return null;
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            problem(node, field, "must be between 0 and 100 (was " + text.trim() + ")");
            return null;
        }
        if (value.stripTrailingZeros().scale() > 2) {
            problem(node, field, "at most two decimals (was " + text.trim() + ")");
            return null;
        }
        return value.doubleValue();
    }

    @Nullable
    Integer wholeNumber(Node node, String field) {
        String text = scalar(node, field);
        try {
            return text == null ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            problem(node, field, "'" + text + "' is not a whole number");
            return null;
        }
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode s
                && (s.getValue().isEmpty()
                        || s.getValue().equals("~")
                        || s.getValue().equals("null"))
                && s.getTag().getValue().endsWith("null");
    }

    static int lineOf(Map<String, NodeTuple> fields, String key, Node owner) {
        NodeTuple tuple = fields.get(key);
        return tuple == null ? line(owner) : line(tuple.getValueNode());
    }

    /** 1-based line of a node, 0 when unknown. */
    static int line(Node node) {
        return node == null || node.getStartMark() == null
                ? 0
                : node.getStartMark().getLine() + 1;
    }
}
