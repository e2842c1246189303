package dev.banyan.architecture.boundary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.banyan.architecture.bytecode.ClassIndex;
import dev.banyan.architecture.bytecode.ClassModel;

/**
 * The problems of a configuration that only the classes show: a pattern that matches none of their packages (a typo,
 * or code that moved), a package that patterns of two contexts match (patterns with wildcards cannot be compared when
 * the file is read), and a context that captures create under the name of a declared one.
 */
final class PatternCoverage {

    private final BoundaryConfig config;
    private final BoundaryAnalyzer analyzer;

    PatternCoverage(BoundaryConfig config, BoundaryAnalyzer analyzer) {
        this.config = config;
        this.analyzer = analyzer;
    }

    List<ConfigProblem> problems(ClassIndex classes) {
        Set<String> packages = new TreeSet<>();
        for (ClassModel model : classes.classes()) {
            packages.add(model.packageName());
        }
        List<ConfigProblem> problems = new ArrayList<>();
        for (ContextDefinition context : config.contexts()) {
            String field = "contexts." + context.name();
            unmatched(field + ".packages", context.packages(), packages, problems);
            unmatched(field + ".api", context.api(), packages, problems);
        }
        Set<String> pairs = new TreeSet<>();
        for (String packageName : packages) {
            inTwoContexts(packageName, pairs, problems);
            ContextDefinition created = analyzer.contextOf(packageName);
            if (created != null && !created.captures().isEmpty()) {
                config.context(created.name())
                        .ifPresent(declared -> problems.add(problem(
                                "contexts." + declared.name(),
                                "context '" + declared.name() + "' is also created by the captures of package '"
                                        + packageName + "'; a context is either declared or created")));
            }
        }
        problems.sort(Comparator.comparingInt(ConfigProblem::line));
        return problems.stream().distinct().toList();
    }

    private void unmatched(
            String field, List<PackagePattern> patterns, Set<String> packages, List<ConfigProblem> problems) {
        for (int i = 0; i < patterns.size(); i++) {
            PackagePattern pattern = patterns.get(i);
            if (packages.stream().noneMatch(pattern::matches)) {
                problems.add(problem(
                        field + "[" + i + "]",
                        "'" + pattern + "' matches no package of the classes checked (" + packages.size()
                                + " packages)"));
            }
        }
    }

    /** Reports each pair of patterns once, with the first package both match. */
    private void inTwoContexts(String packageName, Set<String> pairs, List<ConfigProblem> problems) {
        String first = null;
        for (ContextDefinition context : config.contexts()) {
            for (int i = 0; i < context.packages().size(); i++) {
                if (!context.packages().get(i).matches(packageName)) {
                    continue;
                }
                String field = "contexts." + context.name() + ".packages[" + i + "]";
                if (first == null) {
                    first = field;
                } else if (!first.startsWith("contexts." + context.name() + ".") && pairs.add(first + " " + field)) {
                    problems.add(problem(
                            field,
                            "package '" + packageName + "' is also matched by " + first + " (line " + config.line(first)
                                    + "); a package can belong to one context only"));
                }
            }
        }
    }

    private ConfigProblem problem(String field, String reason) {
        int line = config.line(field);
        if (line == 0) {
            line = config.line(field + ".packages[0]");
        }
        return new ConfigProblem(config.source(), line, field, reason);
    }
}
