package dev.banyan.architecture.boundary.report;

import java.util.ArrayList;
import java.util.List;

import dev.banyan.architecture.boundary.AnalysisResult;

/**
 * The context graph as a picture: contexts are nodes (with their class counts), code-level dependencies between them
 * edges labelled with their count, and edges that carry violations drawn red with the violations in brackets. Mermaid
 * renders in GitHub Markdown and job summaries; DOT is for Graphviz.
 */
public final class ContextGraph {

    static final String VIOLATION_COLOUR = "#d73a49";

    private ContextGraph() {}

    record Edge(int from, int to, int dependencies, int violations) {
        String label() {
            return dependencies + (violations > 0 ? " (" + violations + ")" : "");
        }
    }

    public static String mermaid(AnalysisResult result) {
        List<String> names = result.config().contextNames();
        StringBuilder out = new StringBuilder("```mermaid\nflowchart LR\n");
        for (int i = 0; i < names.size(); i++) {
            out.append("  c")
                    .append(i)
                    .append("[\"")
                    .append(mermaidText(names.get(i)))
                    .append(" (")
                    .append(result.classesPerContext().getOrDefault(names.get(i), 0))
                    .append(")\"]\n");
        }
        List<Edge> edges = edges(result);
        List<Integer> violating = new ArrayList<>();
        for (int i = 0; i < edges.size(); i++) {
            Edge edge = edges.get(i);
            out.append("  c")
                    .append(edge.from())
                    .append(edge.violations() > 0 ? " -.->|\"" : " -->|\"")
                    .append(edge.label())
                    .append("\"| c")
                    .append(edge.to())
                    .append('\n');
            if (edge.violations() > 0) {
                violating.add(i);
            }
        }
        if (!violating.isEmpty()) {
            out.append("  linkStyle ")
                    .append(String.join(
                            ",", violating.stream().map(String::valueOf).toList()))
                    .append(" stroke:")
                    .append(VIOLATION_COLOUR)
                    .append(",color:")
                    .append(VIOLATION_COLOUR)
                    .append('\n');
        }
        return out.append("```\n").toString();
    }

    public static String dot(AnalysisResult result) {
        List<String> names = result.config().contextNames();
        StringBuilder out = new StringBuilder("digraph boundaries {\n")
                .append("  rankdir=LR;\n")
                .append("  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n")
                .append("  edge [fontname=\"Helvetica\"];\n");
        for (String name : names) {
            out.append("  ")
                    .append(dotId(name))
                    .append(" [label=\"")
                    .append(dotText(name))
                    .append("\\n")
                    .append(result.classesPerContext().getOrDefault(name, 0))
                    .append(" classes\"];\n");
        }
        for (Edge edge : edges(result)) {
            out.append("  ")
                    .append(dotId(names.get(edge.from())))
                    .append(" -> ")
                    .append(dotId(names.get(edge.to())))
                    .append(" [label=\"")
                    .append(edge.label())
                    .append('"');
            if (edge.violations() > 0) {
                out.append(", color=\"")
                        .append(VIOLATION_COLOUR)
                        .append("\", fontcolor=\"")
                        .append(VIOLATION_COLOUR)
                        .append("\", penwidth=2, style=dashed");
            }
            out.append("];\n");
        }
        return out.append("}\n").toString();
    }

    private static List<Edge> edges(AnalysisResult result) {
        List<String> names = result.config().contextNames();
        List<Edge> edges = new ArrayList<>();
        for (int from = 0; from < names.size(); from++) {
            for (int to = 0; to < names.size(); to++) {
                int dependencies = result.dependencyCount(names.get(from), names.get(to));
                if (from != to && dependencies > 0) {
                    edges.add(new Edge(from, to, dependencies, result.violationCount(names.get(from), names.get(to))));
                }
            }
        }
        return edges;
    }

    private static String mermaidText(String text) {
        return text.replace("\"", "#quot;");
    }

    private static String dotId(String name) {
        return '"' + dotText(name) + '"';
    }

    private static String dotText(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
