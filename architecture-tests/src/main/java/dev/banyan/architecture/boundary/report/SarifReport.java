package dev.banyan.architecture.boundary.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.banyan.architecture.boundary.Evaluation;
import dev.banyan.architecture.boundary.Finding;
import dev.banyan.architecture.boundary.FindingKind;
import dev.banyan.architecture.boundary.Occurrence;
import dev.banyan.architecture.bytecode.ClassModel;

/**
 * SARIF 2.1.0 (OASIS), the format code scanning reads: one rule per finding kind with its help, one result per finding
 * with the source file and line of each occurrence. New findings are errors; findings in the baseline are notes with
 * {@code baselineState: unchanged}. The finding's key is its fingerprint, so a result keeps its identity while code
 * around it moves.
 */
public final class SarifReport {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private static final Map<FindingKind, String> HELP = Map.of(
            FindingKind.FORBIDDEN_DEPENDENCY,
            "A context may use only the contexts listed in its `may-use` in boundaries.yml. Move the code, depend on"
                    + " a domain event instead, or (if the dependency is intended) add the context to `may-use`.",
            FindingKind.NON_API_ACCESS,
            "Another context is used only through its API packages (`api` in boundaries.yml) and its domain events."
                    + " Call the API, or publish what is needed in it.",
            FindingKind.CYCLE,
            "Contexts that depend on each other in a cycle cannot be extracted one at a time. Break one edge, often by"
                    + " replacing a call with a domain event.",
            FindingKind.DDD_AGGREGATE_REFERENCE,
            "Aggregates reference other aggregates by identifier (or a jMolecules Association), never by object, so"
                    + " that each stays its own consistency boundary.",
            FindingKind.DDD_VALUE_OBJECT_REFERENCE,
            "A value object holds values and identifiers only, never an entity or aggregate.",
            FindingKind.DDD_FOREIGN_ENTITY,
            "An entity belongs to one aggregate and is used only inside it; reach it through its aggregate root.",
            FindingKind.DDD_MISSING_IDENTITY,
            "An entity or aggregate root declares its identity: annotate the identifier field or method with"
                    + " jMolecules' @Identity.");

    private SarifReport() {}

    /**
     * @param sourceRoot the directory, relative to the repository root, that holds the sources by package (e.g.
     *     {@code src/main/java}); empty to give paths relative to the source root under {@code uriBaseId SRCROOT}
     */
    public static String render(Evaluation evaluation, String version, String sourceRoot) {
        List<Object> rules = new ArrayList<>();
        for (FindingKind kind : FindingKind.values()) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("id", kind.id());
            rule.put("name", camelCase(kind.id()));
            rule.put("shortDescription", text(kind.title()));
            rule.put("fullDescription", text(HELP.get(kind)));
            rule.put("help", Map.of("text", HELP.get(kind).replace("`", ""), "markdown", HELP.get(kind)));
            rule.put("defaultConfiguration", Map.of("level", "error"));
            rules.add(rule);
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "boundary-check");
        driver.put("version", version);
        driver.put("rules", rules);

        List<Object> results = new ArrayList<>();
        for (Finding finding : evaluation.result().findings()) {
            results.add(result(finding, evaluation.isNew(finding), sourceRoot));
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        if (sourceRoot.isEmpty()) {
            run.put("originalUriBaseIds", Map.of("SRCROOT", Map.of("description", text("the source root"))));
        }
        run.put("results", results);
        run.put("columnKind", "utf16CodeUnits");

        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        root.put("runs", List.of(run));
        return Json.write(root);
    }

    private static Map<String, Object> result(Finding finding, boolean isNew, String sourceRoot) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", finding.kind().id());
        result.put("ruleIndex", finding.kind().ordinal());
        result.put("level", isNew ? "error" : "note");
        result.put("message", text("[" + finding.pair() + "] " + finding.message()));
        List<Object> locations = new ArrayList<>();
        for (Occurrence occurrence : finding.occurrences()) {
            locations.add(location(finding, occurrence, sourceRoot));
        }
        result.put("locations", locations);
        result.put("partialFingerprints", Map.of("boundaryCheckKey/v1", finding.key()));
        if (!isNew) {
            result.put("baselineState", "unchanged");
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("fromContext", finding.fromContext());
        properties.put("toContext", finding.toContext());
        properties.put("dependencyKind", finding.dependencyKind());
        properties.put("targetClass", finding.targetClass());
        result.put("properties", properties);
        return result;
    }

    private static Map<String, Object> location(Finding finding, Occurrence occurrence, String sourceRoot) {
        String className = occurrence.className().isEmpty() ? finding.sourceClass() : occurrence.className();
        String packagePath = ClassModel.packageOf(className).replace('.', '/');
        String path = (packagePath.isEmpty() ? "" : packagePath + "/") + occurrence.sourceFile();
        Map<String, Object> artifact = new LinkedHashMap<>();
        if (sourceRoot.isEmpty()) {
            artifact.put("uri", path);
            artifact.put("uriBaseId", "SRCROOT");
        } else {
            artifact.put("uri", (sourceRoot.endsWith("/") ? sourceRoot : sourceRoot + "/") + path);
        }
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", artifact);
        if (occurrence.line() > 0) {
            physical.put("region", Map.of("startLine", occurrence.line()));
        }
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("physicalLocation", physical);
        location.put("message", text(occurrence.detail()));
        if (!finding.sourceClass().isEmpty()) {
            location.put(
                    "logicalLocations",
                    List.of(Map.of(
                            "fullyQualifiedName",
                            finding.memberLabel(),
                            "kind",
                            finding.member().isEmpty() ? "type" : "member")));
        }
        return location;
    }

    private static Map<String, Object> text(String text) {
        return Map.of("text", text);
    }

    private static String camelCase(String id) {
        StringBuilder name = new StringBuilder();
        for (String part : id.split("-")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.toString();
    }
}
