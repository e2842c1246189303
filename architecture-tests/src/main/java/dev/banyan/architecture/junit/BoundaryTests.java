package dev.banyan.architecture.junit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.banyan.architecture.boundary.AnalysisResult;
import dev.banyan.architecture.boundary.Baseline;
import dev.banyan.architecture.boundary.BoundaryAnalyzer;
import dev.banyan.architecture.boundary.BoundaryConfig;
import dev.banyan.architecture.boundary.ConfigLoader;
import dev.banyan.architecture.boundary.Evaluation;
import dev.banyan.architecture.boundary.Finding;
import dev.banyan.architecture.boundary.FindingKind;
import dev.banyan.architecture.boundary.Occurrence;
import dev.banyan.architecture.bytecode.ClassesLoader;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * The boundary check inside a JUnit 5 test suite: one dynamic test per context pair that depends (or may not depend)
 * on each other, one per context for the rules within it, one for cycles, so that Surefire's XML and the CI list them
 * like any test. A test fails on the new violations of its pair and names each with its file and line; violations in
 * the baseline pass. Use it from a {@code @TestFactory}:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> boundaries() {
 *     return BoundaryTests.check(Path.of("target/classes")).config(Path.of("boundaries.yml")).tests();
 * }
 * }</pre>
 *
 * A configuration error fails the factory itself, with every problem and its line.
 */
public final class BoundaryTests {

    private final List<Path> classes;
    private Path config = Path.of("boundaries.yml");
    private @Nullable Path baseline;

    private BoundaryTests(List<Path> classes) {
        this.classes = List.copyOf(classes);
    }

    /** Checks class directories and/or jars. */
    public static BoundaryTests check(Path... classes) {
        if (classes.length == 0) {
            throw new IllegalArgumentException("name at least one class directory or jar to check");
        }
        return new BoundaryTests(List.of(classes));
    }

    /** The boundaries file; {@code boundaries.yml} in the working directory (the module's) by default. */
    public BoundaryTests config(Path file) {
        this.config = file;
        return this;
    }

    /** The baseline: violations recorded in it pass. */
    public BoundaryTests baseline(Path file) {
        this.baseline = file;
        return this;
    }

    /** Runs the analysis and returns its tests, in the order of the report: context pairs, then cycles. */
    public Stream<DynamicTest> tests() {
        return evaluate().stream();
    }

    private List<DynamicTest> evaluate() {
        BoundaryConfig boundaries = ConfigLoader.load(config);
        Baseline recorded = baseline == null ? null : Baseline.read(baseline);
        BoundaryAnalyzer analyzer = new BoundaryAnalyzer(boundaries);
        AnalysisResult result = analyzer.analyze(ClassesLoader.load(classes, analyzer.dependencyFilter()));
        Evaluation evaluation = Evaluation.of(result, recorded);

        Map<String, List<Finding>> byPair = new LinkedHashMap<>();
        List<String> names = result.config().contextNames();
        for (String from : names) {
            for (String to : names) {
                if (from.equals(to)) {
                    if (result.config().ddd()) {
                        byPair.put(from + " (within the context)", new ArrayList<>());
                    }
                } else if (result.dependencyCount(from, to) > 0) {
                    byPair.put(from + " -> " + to, new ArrayList<>());
                }
            }
        }
        List<Finding> cycles = new ArrayList<>();
        for (Finding finding : result.findings()) {
            if (finding.kind() == FindingKind.CYCLE) {
                cycles.add(finding);
            } else {
                byPair.computeIfAbsent(finding.pair(), pair -> new ArrayList<>())
                        .add(finding);
            }
        }
        List<DynamicTest> tests = new ArrayList<>();
        byPair.forEach((pair, findings) -> tests.add(test(pair, findings, evaluation, result)));
        if (result.config().noCycles()) {
            tests.add(test("no cycles between contexts", cycles, evaluation, result));
        }
        return tests;
    }

    private DynamicTest test(String name, List<Finding> findings, Evaluation evaluation, AnalysisResult result) {
        List<Finding> fresh = findings.stream().filter(evaluation::isNew).toList();
        return DynamicTest.dynamicTest(name, result.config().source().toUri(), () -> {
            if (!fresh.isEmpty()) {
                throw new AssertionFailedError(name + ": " + fresh.size() + " new violation"
                        + (fresh.size() == 1 ? "" : "s")
                        + (findings.size() > fresh.size()
                                ? " (" + (findings.size() - fresh.size()) + " more in the baseline)"
                                : "")
                        + "\n" + fresh.stream().map(BoundaryTests::describe).collect(Collectors.joining("\n")));
            }
        });
    }

    private static String describe(Finding finding) {
        StringBuilder text = new StringBuilder("  [")
                .append(finding.kind().id())
                .append("] ")
                .append(finding.message());
        if (!finding.sourceClass().isEmpty()) {
            text.append("\n      ").append(finding.memberLabel()).append("  ").append(finding.dependencyKind());
            if (!finding.targetClass().isEmpty()) {
                text.append(" -> ").append(finding.targetClass());
            }
        }
        for (Occurrence occurrence : finding.occurrences()) {
            text.append("\n        at ")
                    .append(occurrence.location())
                    .append("  ")
                    .append(occurrence.detail());
        }
        return text.toString();
    }
}
