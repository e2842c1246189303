package dev.banyan.architecture.boundary;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * An analysis held against a baseline: which findings are new, which were already recorded, and which recorded ones
 * are gone (fixed).
 */
public record Evaluation(
        AnalysisResult result,
        List<Finding> newFindings,
        List<Finding> baselinedFindings,
        List<String> fixed,
        boolean baselineUsed,
        Set<String> baselineEntries) {

    public static Evaluation of(AnalysisResult result, @Nullable Baseline baseline) {
        if (baseline == null) {
            return new Evaluation(result, result.findings(), List.of(), List.of(), false, Set.of());
        }
        List<Finding> fresh = new ArrayList<>();
        List<Finding> known = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (Finding finding : result.findings()) {
            present.add(finding.key());
            if (baseline.entries().contains(finding.key())) {
                known.add(finding);
            } else {
                fresh.add(finding);
            }
        }
        Set<String> fixed = new TreeSet<>(baseline.entries());
        fixed.removeAll(present);
        return new Evaluation(result, fresh, known, List.copyOf(fixed), true, baseline.entries());
    }

    public boolean isNew(Finding finding) {
        return !baselineEntries.contains(finding.key());
    }

    public boolean passed() {
        return newFindings.isEmpty();
    }
}
