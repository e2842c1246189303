package dev.banyan.architecture.boundary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.banyan.architecture.bytecode.ClassIndex;
import dev.banyan.architecture.bytecode.ClassModel;
import dev.banyan.architecture.bytecode.ClassScanner;
import dev.banyan.architecture.bytecode.Dependency;

/**
 * Checks classes against a {@link BoundaryConfig}: forbidden context dependencies, use of another context outside its
 * API, cycles between contexts and (where jMolecules is used) DDD rules.
 */
public final class BoundaryAnalyzer {

    static final String DOMAIN_EVENT_ANNOTATION = "org.jmolecules.event.annotation.DomainEvent";
    static final String DOMAIN_EVENT_TYPE = "org.jmolecules.event.types.DomainEvent";
    private static final int MAX_CYCLES = 200;

    private final BoundaryConfig config;
    private final Map<String, Optional<ContextDefinition>> contextByPackage = new ConcurrentHashMap<>();
    private final Map<String, ContextDefinition> instances = new ConcurrentHashMap<>();

    public BoundaryAnalyzer(BoundaryConfig config) {
        this.config = config;
    }

    /**
     * Keeps only dependencies that cross from one context into another: all the analysis needs, and a fraction of all.
     */
    public ClassScanner.DependencyFilter dependencyFilter() {
        return (origin, target) -> {
            ContextDefinition from = contextOfClass(origin);
            if (from == null) {
                return false;
            }
            ContextDefinition to = contextOfClass(target);
            return to != null && to != from;
        };
    }

    /** An edge of the context graph with the dependency that first showed it, for the cycle report. */
    private record Example(ClassModel origin, Dependency dependency) {}

    /**
     * Analyses the classes.
     *
     * @throws ConfigException when the configuration does not fit the classes: a pattern that matches none of them, a
     *     package in two contexts, a context created by captures that is also declared
     */
    public AnalysisResult analyze(ClassIndex classes) {
        long start = System.nanoTime();
        List<ConfigProblem> problems = new PatternCoverage(config, this).problems(classes);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        Map<String, Integer> classesPerContext = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> dependencies = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> violations = new LinkedHashMap<>();
        Map<String, FindingCollector> findings = new LinkedHashMap<>();
        Map<String, Map<String, Example>> edges = new LinkedHashMap<>();

        for (ClassModel origin : classes.classes()) {
            ContextDefinition from = contextOf(origin.packageName());
            if (from == null) {
                continue;
            }
            classesPerContext.merge(from.name(), 1, Integer::sum);
            dependencies.computeIfAbsent(from.name(), k -> new LinkedHashMap<>());
            violations.computeIfAbsent(from.name(), k -> new LinkedHashMap<>());
            for (Dependency dependency : origin.dependencies()) {
                ContextDefinition to = contextOfClass(dependency.target());
                if (to == null || to == from) {
                    continue;
                }
                dependencies.get(from.name()).merge(to.name(), 1, Integer::sum);
                edges.computeIfAbsent(from.name(), k -> new LinkedHashMap<>())
                        .putIfAbsent(to.name(), new Example(origin, dependency));
                FindingKind violation = null;
                String message = null;
                if (!from.mayUse().contains(to.name())) {
                    violation = FindingKind.FORBIDDEN_DEPENDENCY;
                    message = "context '" + from.name() + "' may not use context '" + to.name() + "'"
                            + (from.mayUse().isEmpty()
                                    ? " (it may use no other context)"
                                    : " (may-use: " + String.join(", ", from.mayUse()) + ")");
                } else if (!isApi(classes, dependency.target(), to)) {
                    violation = FindingKind.NON_API_ACCESS;
                    message = dependency.target() + " is not in the API of context '" + to.name() + "' " + to.api();
                }
                if (violation != null) {
                    violations.get(from.name()).merge(to.name(), 1, Integer::sum);
                    collector(
                                    findings,
                                    violation,
                                    from.name(),
                                    to.name(),
                                    origin.name(),
                                    dependency.member(),
                                    dependency.kind().id(),
                                    dependency.target(),
                                    message)
                            .add(new Occurrence(origin.sourceFile(), dependency.line(), dependency.detail()));
                }
            }
        }

        BoundaryConfig resolved = config.withContexts(resolvedContexts());
        List<String> order = resolved.contextNames();
        classesPerContext = inOrder(order, classesPerContext, 0);
        dependencies = inOrder(order, dependencies, Map.of());
        violations = inOrder(order, violations, Map.of());
        List<Finding> result = new ArrayList<>();
        for (FindingCollector collector : findings.values()) {
            result.add(collector.toFinding());
        }
        if (config.noCycles()) {
            result.addAll(cycles(order, edges));
        }
        if (config.ddd()) {
            result.addAll(new DddAnalyzer(name -> contextOfClass(name)).analyze(classes));
        }
        result.sort(Comparator.<Finding>comparingInt(f -> f.kind() == FindingKind.CYCLE ? 1 : 0)
                .thenComparingInt(f -> order.indexOf(f.fromContext()))
                .thenComparingInt(f -> order.indexOf(f.toContext()))
                .thenComparing(Finding::kind)
                .thenComparing(Finding::sourceClass)
                .thenComparing(Finding::member)
                .thenComparing(Finding::targetClass)
                .thenComparing(Finding::dependencyKind));
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new AnalysisResult(
                resolved, classes.size(), classesPerContext, dependencies, violations, result, millis);
    }

    /** The declared contexts, each template replaced by the contexts its captures created, sorted by name. */
    private List<ContextDefinition> resolvedContexts() {
        List<ContextDefinition> resolved = new ArrayList<>();
        for (ContextDefinition context : config.contexts()) {
            if (!context.isTemplate()) {
                resolved.add(context);
                continue;
            }
            instances.values().stream()
                    .filter(instance -> instance.packages().equals(context.packages())
                            && ContextDefinition.substitute(context.name(), instance.captures())
                                    .equals(instance.name()))
                    .sorted(Comparator.comparing(ContextDefinition::name))
                    .forEach(resolved::add);
        }
        return resolved;
    }

    private static <V> Map<String, V> inOrder(List<String> order, Map<String, V> values, V missing) {
        Map<String, V> ordered = new LinkedHashMap<>();
        for (String name : order) {
            ordered.put(name, values.getOrDefault(name, missing));
        }
        return ordered;
    }

    ContextDefinition contextOfClass(String className) {
        return contextOf(ClassModel.packageOf(className));
    }

    ContextDefinition contextOf(String packageName) {
        return contextByPackage.computeIfAbsent(packageName, this::resolve).orElse(null);
    }

    /** The first context (in file order) with a pattern that matches; a template gives the context of its captures. */
    private Optional<ContextDefinition> resolve(String packageName) {
        for (ContextDefinition context : config.contexts()) {
            if (!context.isTemplate()) {
                if (context.contains(packageName)) {
                    return Optional.of(context);
                }
                continue;
            }
            for (PackagePattern pattern : context.packages()) {
                List<String> captured = pattern.match(packageName);
                if (captured != null) {
                    ContextDefinition instance = context.instance(captured);
                    return Optional.of(instances.computeIfAbsent(instance.name(), name -> instance));
                }
            }
        }
        return Optional.empty();
    }

    private boolean isApi(ClassIndex classes, String target, ContextDefinition context) {
        if (context.isApiPackage(ClassModel.packageOf(target))) {
            return true;
        }
        return config.eventsAreApi() && isDomainEvent(classes, target);
    }

    static boolean isDomainEvent(ClassIndex classes, String className) {
        return classes.isAnnotatedWith(className, DOMAIN_EVENT_ANNOTATION)
                || classes.isAssignableTo(className, DOMAIN_EVENT_TYPE);
    }

    private static FindingCollector collector(
            Map<String, FindingCollector> findings,
            FindingKind kind,
            String from,
            String to,
            String sourceClass,
            String member,
            String dependencyKind,
            String targetClass,
            String message) {
        String key = Finding.key(kind.id(), from, to, sourceClass, member, dependencyKind, targetClass);
        return findings.computeIfAbsent(
                key,
                k -> new FindingCollector(kind, from, to, sourceClass, member, dependencyKind, targetClass, message));
    }

    private List<Finding> cycles(List<String> names, Map<String, Map<String, Example>> edges) {
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
                Example example = edges.get(from).get(to);
                Dependency dependency = example.dependency();
                occurrences.add(new Occurrence(
                        example.origin().sourceFile(),
                        dependency.line(),
                        from + " -> " + to + ": " + example.origin().name()
                                + (dependency.member().isEmpty() ? "" : "." + dependency.member()) + " "
                                + dependency.detail(),
                        example.origin().name()));
            }
            path.append(cycle.get(0));
            String first = cycle.get(0);
            result.add(new Finding(
                    FindingKind.CYCLE,
                    first,
                    first,
                    "",
                    path.toString(),
                    "cycle",
                    "",
                    "contexts " + String.join(", ", cycle) + " depend on each other in a cycle: " + path,
                    occurrences));
        }
        return result;
    }

    private static <T> void findCycles(
            List<String> names,
            Map<String, Map<String, T>> edges,
            int start,
            List<String> path,
            Set<String> onPath,
            List<List<String>> cycles) {
        String current = path.get(path.size() - 1);
        for (String next : edges.getOrDefault(current, Map.of()).keySet()) {
            if (cycles.size() >= MAX_CYCLES) {
                return;
            }
            int index = names.indexOf(next);
            if (index == start) {
                cycles.add(List.copyOf(path));
            } else if (index > start && !onPath.contains(next)) {
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

        FindingCollector(
                FindingKind kind,
                String from,
                String to,
                String sourceClass,
                String member,
                String dependencyKind,
                String targetClass,
                String message) {
            this.kind = kind;
            this.from = from;
            this.to = to;
            this.sourceClass = sourceClass;
            this.member = member;
            this.dependencyKind = dependencyKind;
            this.targetClass = targetClass;
            this.message = message;
        }

        void add(Occurrence occurrence) {
            occurrences.add(occurrence);
        }

        Finding toFinding() {
            List<Occurrence> sorted = new ArrayList<>(occurrences);
            sorted.sort(Comparator.comparingInt(Occurrence::line).thenComparing(Occurrence::detail));
            return new Finding(kind, from, to, sourceClass, member, dependencyKind, targetClass, message, sorted);
        }
    }
}
