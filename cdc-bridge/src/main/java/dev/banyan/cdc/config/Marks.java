package dev.banyan.cdc.config;

import java.util.HashMap;
import java.util.Map;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where each field of the YAML stands, from SnakeYAML's node marks: paths like {@code pipelines[0].tables[1].key} to
 * their 1-based line, and scalar values as written (so {@code yes} can be told from {@code true}).
 */
final class Marks {

    private final Map<String, Integer> lines = new HashMap<>();
    private final Map<String, String> scalars = new HashMap<>();

    private Marks() {}

    static Marks of(Node root) {
        Marks marks = new Marks();
        if (root != null) {
            marks.walk(root, "", 0);
        }
        return marks;
    }

    private void walk(Node node, String path, int depth) {
        if (depth > 64) {
            return;
        }
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    String child = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                    lines.putIfAbsent(child, key.getStartMark().getLine() + 1);
                    walk(tuple.getValueNode(), child, depth + 1);
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                Node item = sequence.getValue().get(i);
                String child = path + "[" + i + "]";
                lines.putIfAbsent(child, item.getStartMark().getLine() + 1);
                walk(item, child, depth + 1);
            }
        } else if (node instanceof ScalarNode scalar) {
            scalars.put(path, scalar.getValue());
        }
    }

    /** The line of the field, or of the nearest enclosing one that is written; 0 if none is. */
    int line(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return 0;
    }

    /** The scalar at {@code path} as written in the file, or null. */
    String scalar(String path) {
        return scalars.get(path);
    }
}
