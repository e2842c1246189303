package dev.banyan.architecture.boundary.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.banyan.architecture.boundary.AnalysisResult;
import dev.banyan.architecture.boundary.Evaluation;
import dev.banyan.architecture.boundary.Finding;
import dev.banyan.architecture.boundary.FindingKind;
import dev.banyan.architecture.boundary.Occurrence;

/**
 * The summary for people: the context dependency matrix (the coupling map), the contexts ranked by how cheap they are
 * to extract, cycles, and the violations.
 */
public final class MarkdownReport {

    private MarkdownReport() {}

    record Coupling(String context, int classes, int incoming, int outgoing, int violations, int partners) {
        int total() {
            return incoming + outgoing;
        }
    }

    public static String render(Evaluation evaluation) {
        AnalysisResult result = evaluation.result();
        List<String> names = result.config().contextNames();
        StringBuilder out = new StringBuilder("# Boundary check\n\n");
        out.append(evaluation.passed() ? "**Passed**" : "**Failed**")
                .append(": ")
                .append(result.findings().size())
                .append(" violations (")
                .append(evaluation.newFindings().size())
                .append(" new, ")
                .append(evaluation.baselinedFindings().size())
                .append(" in the baseline), ")
                .append(evaluation.fixed().size())
                .append(" fixed since the baseline. ")
                .append(result.classesInContexts())
                .append(" classes in ")
                .append(names.size())
                .append(" contexts, ")
                .append(result.importedClasses())
                .append(" classes imported, config `")
                .append(result.config().source().getFileName())
                .append("`.\n\n");

        out.append("## Context dependency matrix\n\n");
        out.append(
                "Code-level dependencies from the row's context to the column's context; violations among them in brackets.\n\n");
        out.append("| from \\ to |");
        names.forEach(name -> out.append(' ').append(name).append(" |"));
        out.append(" total out |\n|---|");
        names.forEach(name -> out.append("---:|"));
        out.append("---:|\n");
        for (String from : names) {
            out.append("| **").append(from).append("** |");
            int total = 0;
            for (String to : names) {
                if (from.equals(to)) {
                    out.append(" · |");
                    continue;
                }
                int count = result.dependencyCount(from, to);
                int violations = result.violationCount(from, to);
                total += count;
                out.append(' ')
                        .append(count == 0 ? "" : String.valueOf(count))
                        .append(violations > 0 ? " (" + violations + ")" : "")
                        .append(" |");
            }
            out.append(' ').append(total).append(" |\n");
        }
        out.append("| **total in** |");
        for (String to : names) {
            int total = 0;
            for (String from : names) {
                if (!from.equals(to)) {
                    total += result.dependencyCount(from, to);
                }
            }
            out.append(' ').append(total).append(" |");
        }
        out.append(" |\n\n");

        out.append("## Context graph\n\n");
        out.append("Dependencies between contexts; red dotted edges carry violations (in brackets).\n\n");
        out.append(ContextGraph.mermaid(result)).append('\n');

        out.append("## Extraction candidates\n\n");
        out.append(
                "Cheapest first: the fewer dependencies cross a context's border, the less there is to turn into API calls or events.\n\n");
        out.append(
                "| context | classes | dependencies in | dependencies out | violations | coupled contexts |\n|---|---:|---:|---:|---:|---:|\n");
        List<Coupling> couplings = new ArrayList<>();
        for (String context : names) {
            int incoming = 0;
            int outgoing = 0;
            int violations = 0;
            int partners = 0;
            for (String other : names) {
                if (other.equals(context)) {
                    continue;
                }
                int in = result.dependencyCount(other, context);
                int outCount = result.dependencyCount(context, other);
                incoming += in;
                outgoing += outCount;
                violations += result.violationCount(other, context) + result.violationCount(context, other);
                if (in + outCount > 0) {
                    partners++;
                }
            }
            couplings.add(new Coupling(
                    context, result.classesPerContext().get(context), incoming, outgoing, violations, partners));
        }
        couplings.sort(Comparator.comparingInt(Coupling::total)
                .thenComparingInt(Coupling::violations)
                .thenComparing(Coupling::context));
        for (Coupling coupling : couplings) {
            out.append("| ")
                    .append(coupling.context())
                    .append(" | ")
                    .append(coupling.classes())
                    .append(" | ")
                    .append(coupling.incoming())
                    .append(" | ")
                    .append(coupling.outgoing())
                    .append(" | ")
                    .append(coupling.violations())
                    .append(" | ")
                    .append(coupling.partners())
                    .append(" |\n");
        }

        List<Finding> cycles = result.findings().stream()
                .filter(f -> f.kind() == FindingKind.CYCLE)
                .toList();
        if (!cycles.isEmpty()) {
            out.append("\n## Cycles\n\n");
            for (Finding cycle : cycles) {
                out.append("- ")
                        .append(evaluation.isNew(cycle) ? "**new** " : "")
                        .append('`')
                        .append(cycle.member())
                        .append("`\n");
            }
        }

        out.append("\n## Violations\n\n");
        if (result.findings().isEmpty()) {
            out.append("None.\n");
        } else {
            out.append(
                    "| status | pair | rule | class.member | dependency | target | where |\n|---|---|---|---|---|---|---|\n");
            List<Finding> ordered = new ArrayList<>(evaluation.newFindings());
            ordered.addAll(evaluation.baselinedFindings());
            for (Finding finding : ordered) {
                out.append("| ")
                        .append(evaluation.isNew(finding) ? "**new**" : "baselined")
                        .append(" | ")
                        .append(cell(finding.pair()))
                        .append(" | ")
                        .append(finding.kind().id())
                        .append(" | ")
                        .append(finding.sourceClass().isEmpty() ? "" : "`" + cell(finding.memberLabel()) + "`")
                        .append(" | ")
                        .append(finding.dependencyKind())
                        .append(" | ")
                        .append(finding.targetClass().isEmpty() ? "" : "`" + cell(finding.targetClass()) + "`")
                        .append(" | ")
                        .append(cell(String.join(
                                ", ",
                                finding.occurrences().stream()
                                        .map(Occurrence::location)
                                        .distinct()
                                        .toList())))
                        .append(" |\n");
            }
        }
        if (!evaluation.fixed().isEmpty()) {
            out.append("\n## Fixed since the baseline\n\n");
            for (String key : evaluation.fixed()) {
                out.append("- `").append(key.replace("`", "'")).append("`\n");
            }
            out.append("\nRun with `--freeze` to drop them from the baseline.\n");
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
