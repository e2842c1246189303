package dev.banyan.architecture.boundary;

import java.util.List;
import java.util.Map;

/**
 * What one analysis found.
 *
 * @param config           the configuration used
 * @param importedClasses  all classes read from the inputs
 * @param classesPerContext how many classes each context has (config order)
 * @param dependencies     dependency counts between contexts: from -> to -> number of code-level dependencies
 * @param violations       violation counts between contexts (non-cycle findings' occurrences): from -> to -> count
 * @param findings         all findings, sorted by context pair, kind and class
 * @param millis           how long the analysis took
 */
public record AnalysisResult(
        BoundaryConfig config,
        int importedClasses,
        Map<String, Integer> classesPerContext,
        Map<String, Map<String, Integer>> dependencies,
        Map<String, Map<String, Integer>> violations,
        List<Finding> findings,
        long millis) {

    public int dependencyCount(String from, String to) {
        return dependencies.getOrDefault(from, Map.of()).getOrDefault(to, 0);
    }

    public int violationCount(String from, String to) {
        return violations.getOrDefault(from, Map.of()).getOrDefault(to, 0);
    }

    public int classesInContexts() {
        return classesPerContext.values().stream().mapToInt(Integer::intValue).sum();
    }
}
