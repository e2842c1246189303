package dev.banyan.architecture.boundary.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.banyan.architecture.boundary.AnalysisResult;
import dev.banyan.architecture.boundary.ContextDefinition;
import dev.banyan.architecture.boundary.Evaluation;
import dev.banyan.architecture.boundary.Finding;
import dev.banyan.architecture.boundary.Occurrence;

/**
 * The machine-readable report: summary, contexts, the dependency matrix, every finding with its status and the fixed
 * baseline entries.
 */
public final class JsonReport {

    private JsonReport() {}

    public static String render(Evaluation evaluation) {
        AnalysisResult result = evaluation.result();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "boundary-check");
        root.put("config", result.config().source().toString());
        root.put("passed", evaluation.passed());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("classesImported", result.importedClasses());
        summary.put("classesInContexts", result.classesInContexts());
        summary.put("findings", result.findings().size());
        summary.put("new", evaluation.newFindings().size());
        summary.put("baselined", evaluation.baselinedFindings().size());
        summary.put("fixed", evaluation.fixed().size());
        summary.put("baselineUsed", evaluation.baselineUsed());
        summary.put("analysisMillis", result.millis());
        root.put("summary", summary);

        List<Object> contexts = new ArrayList<>();
        for (ContextDefinition context : result.config().contexts()) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("name", context.name());
            node.put("classes", result.classesPerContext().get(context.name()));
            node.put(
                    "packages",
                    context.packages().stream().map(Object::toString).toList());
            node.put("api", context.api().stream().map(Object::toString).toList());
            node.put("mayUse", context.mayUse());
            contexts.add(node);
        }
        root.put("contexts", contexts);

        List<Object> matrix = new ArrayList<>();
        for (String from : result.config().contextNames()) {
            for (String to : result.config().contextNames()) {
                int dependencies = result.dependencyCount(from, to);
                if (dependencies > 0) {
                    Map<String, Object> cell = new LinkedHashMap<>();
                    cell.put("from", from);
                    cell.put("to", to);
                    cell.put("dependencies", dependencies);
                    cell.put("violations", result.violationCount(from, to));
                    matrix.add(cell);
                }
            }
        }
        root.put("matrix", matrix);

        List<Object> findings = new ArrayList<>();
        for (Finding finding : result.findings()) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("key", finding.key());
            node.put("kind", finding.kind().id());
            node.put("status", evaluation.isNew(finding) ? "new" : "baselined");
            node.put("from", finding.fromContext());
            node.put("to", finding.toContext());
            node.put("sourceClass", finding.sourceClass());
            node.put("member", finding.member());
            node.put("dependencyKind", finding.dependencyKind());
            node.put("targetClass", finding.targetClass());
            node.put("message", finding.message());
            List<Object> occurrences = new ArrayList<>();
            for (Occurrence occurrence : finding.occurrences()) {
                Map<String, Object> where = new LinkedHashMap<>();
                where.put("file", occurrence.sourceFile());
                where.put("line", occurrence.line());
                where.put("detail", occurrence.detail());
                occurrences.add(where);
            }
            node.put("occurrences", occurrences);
            findings.add(node);
        }
        root.put("findings", findings);
        root.put("fixed", evaluation.fixed());
        return Json.write(root);
    }
}
