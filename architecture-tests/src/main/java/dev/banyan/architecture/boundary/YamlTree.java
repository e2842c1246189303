package dev.banyan.architecture.boundary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads SnakeYAML's node tree (which keeps every node's line) and collects the problems it finds instead of stopping at
 * the first one. Booleans follow one rule: {@code true} or {@code false}, nothing else ({@code yes}, {@code on} and
 * friends are YAML 1.1 accidents).
 */
final class YamlTree {

    /** A value read from the file with the place it came from: its index in its list (0 for a single value) and its line. */
    record Located<T>(T value, int index, int line) {}

    private final Path file;
    private final List<ConfigProblem> problems = new ArrayList<>();

    YamlTree(Path file) {
        this.file = file;
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    void problem(int line, String field, String reason) {
        problems.add(new ConfigProblem(file, line, field, reason));
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** The problems in the order of the file's lines (problems on one line in the order they were found). */
    List<ConfigProblem> problems() {
        return problems.stream()
                .sorted(Comparator.comparingInt(ConfigProblem::line))
                .toList();
    }

    /**
     * The entries of a mapping by key, in file order, or {@code null} (and a problem) when the node is no mapping.
     * Keys that are no scalar and keys given twice are problems; the first of two equal keys is kept.
     */
    @Nullable
    Map<String, NodeTuple> mapping(String field, Node node, String reason) {
        if (!(node instanceof MappingNode mapping)) {
            problem(line(node), field, reason + " (found " + describe(node) + ")");
            return null;
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key) || isNull(tuple.getKeyNode())) {
                problem(line(tuple.getKeyNode()), field, "key " + describe(tuple.getKeyNode()) + " must be a name");
                continue;
            }
            NodeTuple first = entries.putIfAbsent(key.getValue(), tuple);
            if (first != null) {
                problem(
                        line(key),
                        child(field, key.getValue()),
                        "is given twice (first on line " + line(first.getKeyNode()) + ")");
            }
        }
        return entries;
    }

    void checkFields(String field, Map<String, NodeTuple> entries, Set<String> allowed) {
        entries.forEach((key, tuple) -> {
            if (!allowed.contains(key)) {
                problem(
                        line(tuple.getKeyNode()),
                        child(field, key),
                        "unknown field (expected one of: "
                                + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        });
    }

    /**
     * A list of non-blank strings (a single string counts as a list of one); empty when the field is absent, {@code null}
     * (and a problem) when it is no list of strings. Blank items are problems and left out.
     */
    @Nullable
    List<Located<String>> strings(String field, @Nullable NodeTuple tuple) {
        if (tuple == null || isNull(tuple.getValueNode())) {
            return List.of();
        }
        Node node = tuple.getValueNode();
        if (node instanceof ScalarNode scalar) {
            return List.of(new Located<>(scalar.getValue().trim(), 0, line(scalar)));
        }
        if (!(node instanceof SequenceNode sequence)) {
            problem(line(node), field, "must be a list of strings (found " + describe(node) + ")");
            return null;
        }
        List<Located<String>> items = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            Node item = sequence.getValue().get(i);
            if (!(item instanceof ScalarNode scalar)
                    || isNull(item)
                    || scalar.getValue().isBlank()) {
                problem(line(item), field + "[" + i + "]", "must be a non-empty string (found " + describe(item) + ")");
                continue;
            }
            items.add(new Located<>(scalar.getValue().trim(), i, line(item)));
        }
        return items;
    }

    boolean bool(String field, @Nullable NodeTuple tuple, boolean defaultValue) {
        if (tuple == null) {
            return defaultValue;
        }
        Node node = tuple.getValueNode();
        if (node instanceof ScalarNode scalar
                && !isNull(node)
                && (scalar.getValue().equals("true") || scalar.getValue().equals("false"))) {
            return Boolean.parseBoolean(scalar.getValue());
        }
        problem(line(node), field, "must be true or false (found " + describe(node) + ")");
        return defaultValue;
    }

    static String child(String field, String key) {
        return field.isEmpty() ? key : field + "." + key;
    }

    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull(node)) {
            return "nothing";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }
}
