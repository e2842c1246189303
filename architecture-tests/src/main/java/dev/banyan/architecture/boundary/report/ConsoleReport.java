package dev.banyan.architecture.boundary.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.banyan.architecture.boundary.AnalysisResult;
import dev.banyan.architecture.boundary.Evaluation;
import dev.banyan.architecture.boundary.Finding;
import dev.banyan.architecture.boundary.Occurrence;

/**
 * The console output: violations grouped by context pair, each with class, member, dependency and lines.
 */
public final class ConsoleReport {

    private ConsoleReport() {}

    public static String render(Evaluation evaluation) {
        return render(evaluation, false);
    }

    /**
     * @param freezing whether the run records the baseline, so that the verdict says so instead of passed or failed
     */
    public static String render(Evaluation evaluation, boolean freezing) {
        AnalysisResult result = evaluation.result();
        StringBuilder out = new StringBuilder();
        out.append("boundary-check: ")
                .append(result.config().source())
                .append(": ")
                .append(result.config().contexts().size())
                .append(" contexts, ")
                .append(result.classesInContexts())
                .append(" classes in contexts (")
                .append(result.importedClasses())
                .append(" imported), analysed in ")
                .append(result.millis())
                .append(" ms\n");

        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        for (Finding finding : result.findings()) {
            groups.computeIfAbsent(finding.pair(), k -> new ArrayList<>()).add(finding);
        }
        for (Map.Entry<String, List<Finding>> group : groups.entrySet()) {
            long fresh = group.getValue().stream().filter(evaluation::isNew).count();
            out.append('\n')
                    .append(group.getKey())
                    .append("  (")
                    .append(group.getValue().size())
                    .append(" violation")
                    .append(group.getValue().size() == 1 ? "" : "s");
            if (evaluation.baselineUsed()) {
                out.append(", ").append(fresh).append(" new");
            }
            out.append(")\n");
            for (Finding finding : group.getValue()) {
                out.append("  ")
                        .append(evaluation.isNew(finding) ? (evaluation.baselineUsed() ? "NEW " : "") : "baselined ")
                        .append('[')
                        .append(finding.kind().id())
                        .append("] ")
                        .append(finding.message())
                        .append('\n');
                if (!finding.sourceClass().isEmpty()) {
                    out.append("      ")
                            .append(finding.memberLabel())
                            .append("  ")
                            .append(finding.dependencyKind());
                    if (!finding.targetClass().isEmpty()) {
                        out.append(" -> ").append(finding.targetClass());
                    }
                    out.append('\n');
                }
                for (Occurrence occurrence : finding.occurrences()) {
                    out.append("        at ")
                            .append(occurrence.location())
                            .append("  ")
                            .append(occurrence.detail())
                            .append('\n');
                }
            }
        }
        if (!evaluation.fixed().isEmpty()) {
            out.append("\nFixed since the baseline (run with --freeze to drop them from it):\n");
            for (String key : evaluation.fixed()) {
                out.append("  ").append(key).append('\n');
            }
        }
        out.append('\n');
        int total = result.findings().size();
        if (total == 0) {
            out.append("No boundary violations.");
        } else if (evaluation.baselineUsed()) {
            out.append(total)
                    .append(total == 1 ? " violation: " : " violations: ")
                    .append(evaluation.newFindings().size())
                    .append(" new, ")
                    .append(evaluation.baselinedFindings().size())
                    .append(" in the baseline.");
        } else {
            out.append(total).append(total == 1 ? " violation." : " violations.");
        }
        if (evaluation.baselineUsed()) {
            out.append(' ').append(evaluation.fixed().size()).append(" fixed.");
        }
        out.append(freezing ? " RECORDING\n" : evaluation.passed() ? " PASSED\n" : " FAILED\n");
        return out.toString();
    }
}
