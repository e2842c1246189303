package dev.banyan.architecture.boundary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;

/**
 * Checks classes against a {@link BoundaryConfig}: forbidden context dependencies, use of another context outside its
 * API, cycles between contexts and (where jMolecules is used) DDD rules.
 */
public final class BoundaryAnalyzer {

    static final String DOMAIN_EVENT_ANNOTATION = "org.jmolecules.event.annotation.DomainEvent";
    static final String DOMAIN_EVENT_TYPE = "org.jmolecules.event.types.DomainEvent";
    private static final int MAX_CYCLES = 200;

    private final BoundaryConfig config;
    private final Map<String, Optional<ContextDefinition>> contextByPackage = new HashMap<>();

    public BoundaryAnalyzer(BoundaryConfig config) {
        this.config = config;
    }

    public AnalysisResult analyze(JavaClasses classes) {
        long start = System.nanoTime();
        Map<String, Integer> classesPerContext = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> dependencies = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> violations = new LinkedHashMap<>();
        for (ContextDefinition context : config.contexts()) {
            classesPerContext.put(context.name(), 0);
            dependencies.put(context.name(), new LinkedHashMap<>());
            violations.put(context.name(), new LinkedHashMap<>());
        }
        Map<String, FindingCollector> findings = new LinkedHashMap<>();
        // the first dependency seen for each context edge, used to show why a cycle exists
        Map<String, Map<String, CodeDependency>> edges = new LinkedHashMap<>();

        for (JavaClass origin : classes) {
            ContextDefinition from = contextOf(origin);
            if (from == null) {
                continue;
            }
            classesPerContext.merge(from.name(), 1, Integer::sum);
            DependencyExtractor.extract(origin, (o, member, kind, target, detail, line) -> {
                ContextDefinition to = contextOf(target);
                if (to == null || to == from) {
                    return;
                }
                dependencies.get(from.name()).merge(to.name(), 1, Integer::sum);
                edges.computeIfAbsent(from.name(), k -> new LinkedHashMap<>())
                        .putIfAbsent(to.name(), new CodeDependency(o, member, kind, target, detail, line));
                FindingKind violation = null;
                String message = null;
                if (!from.mayUse().contains(to.name())) {
                    violation = FindingKind.FORBIDDEN_DEPENDENCY;
                    message = "context '" + from.name() + "' may not use context '" + to.name() + "'"
                            + (from.mayUse().isEmpty() ? " (it may use no other context)" : " (may-use: " + String.join(", ", from.mayUse()) + ")");
                }
                else if (!isApi(target, to)) {
                    violation = FindingKind.NON_API_ACCESS;
                    message = target.getName() + " is not in the API of context '" + to.name() + "' " + to.api();
                }
                if (violation != null) {
                    violations.get(from.name()).merge(to.name(), 1, Integer::sum);
                    CodeDependency dependency = new CodeDependency(o, member, kind, target, detail, line);
                    String finalMessage = message;
                    FindingKind finalViolation = violation;
                    collector(findings, finalViolation, from.name(), to.name(), o.getName(), member, kind.id(), target.getName(), finalMessage)
                            .add(dependency);
                }
            });
        }

        List<Finding> result = new ArrayList<>();
        for (FindingCollector collector : findings.values()) {
            result.add(collector.toFinding());
        }
        if (config.noCycles()) {
            result.addAll(cycles(edges));
        }
        if (config.ddd()) {
            result.addAll(new DddAnalyzer(this::contextOf).analyze(classes));
        }
        List<String> order = config.contextNames();
        result.sort(Comparator.<Finding>comparingInt(f -> f.kind() == FindingKind.CYCLE ? 1 : 0)
                .thenComparingInt(f -> order.indexOf(f.fromContext()))
                .thenComparingInt(f -> order.indexOf(f.toContext()))
                .thenComparing(Finding::kind)
                .thenComparing(Finding::sourceClass)
                .thenComparing(Finding::member)
                .thenComparing(Finding::targetClass)
                .thenComparing(Finding::dependencyKind));
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new AnalysisResult(config, classes.size(), classesPerContext, dependencies, violations, result, millis);
    }

    ContextDefinition contextOf(JavaClass javaClass) {
        return contextByPackage.computeIfAbsent(javaClass.getPackageName(),
                packageName -> config.contexts().stream().filter(context -> context.contains(packageName)).findFirst()).orElse(null);
    }

    private boolean isApi(JavaClass target, ContextDefinition context) {
        if (context.isApiPackage(target.getPackageName())) {
            return true;
        }
        return config.eventsAreApi() && isDomainEvent(target);
    }

    static boolean isDomainEvent(JavaClass javaClass) {
        return javaClass.isAnnotatedWith(DOMAIN_EVENT_ANNOTATION) || javaClass.isAssignableTo(DOMAIN_EVENT_TYPE);
    }

    private static FindingCollector collector(Map<String, FindingCollector> findings, FindingKind kind, String from, String to,
            String sourceClass, String member, String dependencyKind, String targetClass, String message) {
        String key = Finding.key(kind.id(), from, to, sourceClass, member, dependencyKind, targetClass);
        return findings.computeIfAbsent(key, k -> new FindingCollector(kind, from, to, sourceClass, member, dependencyKind, targetClass, message));
    }

    private List<Finding> cycles(Map<String, Map<String, CodeDependency>> edges) {
        List<String> names = config.contextNames();
        List<List<String>> cycles = new ArrayList<>();
        for (int start = 0; start < names.size() && cycles.size() < MAX_CYCLES; start++) {
            List<String> path = new ArrayList<>();
            path.add(names.get(start));
            findCycles(names, edges, start, path, new LinkedHashSet<>(path), cycles);
        }
        List<Finding> result = new ArrayList<>();
        for (List<String> cycle : cycles) {
            List<Occurrence> occurrences = new ArrayList<>();
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < cycle.size(); i++) {
                String from = cycle.get(i);
                String to = cycle.get((i + 1) % cycle.size());
                path.append(from).append(" -> ");
                CodeDependency example = edges.get(from).get(to);
                occurrences.add(new Occurrence(example.sourceFile(), example.line(), from + " -> " + to + ": " + example.origin().getName()
                        + (example.member().isEmpty() ? "" : "." + example.member()) + " " + example.detail()));
            }
            path.append(cycle.get(0));
            String first = cycle.get(0);
            result.add(new Finding(FindingKind.CYCLE, first, first, "", path.toString(), "cycle", "",
                    "contexts " + String.join(", ", cycle) + " depend on each other in a cycle: " + path, occurrences));
        }
        return result;
    }

    private static void findCycles(List<String> names, Map<String, Map<String, CodeDependency>> edges, int start, List<String> path,
            Set<String> onPath, List<List<String>> cycles) {
        String current = path.get(path.size() - 1);
        for (String next : edges.getOrDefault(current, Map.of()).keySet()) {
            if (cycles.size() >= MAX_CYCLES) {
                return;
            }
            int index = names.indexOf(next);
            if (index == start) {
                cycles.add(List.copyOf(path));
            }
            else if (index > start && !onPath.contains(next)) {
                path.add(next);
                onPath.add(next);
                findCycles(names, edges, start, path, onPath, cycles);
                onPath.remove(next);
                path.remove(path.size() - 1);
            }
        }
    }

    static final class FindingCollector {
        private final FindingKind kind;
        private final String from;
        private final String to;
        private final String sourceClass;
        private final String member;
        private final String dependencyKind;
        private final String targetClass;
        private final String message;
        private final Set<Occurrence> occurrences = new LinkedHashSet<>();

        FindingCollector(FindingKind kind, String from, String to, String sourceClass, String member, String dependencyKind,
                String targetClass, String message) {
            this.kind = kind;
            this.from = from;
            this.to = to;
            this.sourceClass = sourceClass;
            this.member = member;
            this.dependencyKind = dependencyKind;
            this.targetClass = targetClass;
            this.message = message;
        }

        void add(CodeDependency dependency) {
            occurrences.add(new Occurrence(dependency.sourceFile(), dependency.line(), dependency.detail()));
        }

        Finding toFinding() {
            List<Occurrence> sorted = new ArrayList<>(occurrences);
            sorted.sort(Comparator.comparingInt(Occurrence::line).thenComparing(Occurrence::detail));
            return new Finding(kind, from, to, sourceClass, member, dependencyKind, targetClass, message, sorted);
        }
    }
}
