package dev.banyan.architecture.boundary;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed and validated {@code boundaries.yml}.
 *
 * @param source       the file it was read from
 * @param contexts     the bounded contexts, in file order (after an analysis: those that patterns with captures created,
 *                     in place of their template)
 * @param noCycles     whether cycles between contexts are findings
 * @param ddd          whether the jMolecules DDD rules run
 * @param eventsAreApi whether domain events (jMolecules) count as part of their context's API wherever they live
 * @param lines        the line of each pattern by its field, e.g. {@code contexts.catalog.packages[0]}, so that problems
 *                     found on the classes name their line
 */
public record BoundaryConfig(
        Path source,
        List<ContextDefinition> contexts,
        boolean noCycles,
        boolean ddd,
        boolean eventsAreApi,
        Map<String, Integer> lines) {

    public BoundaryConfig {
        contexts = List.copyOf(contexts);
        lines = Map.copyOf(lines);
    }

    public BoundaryConfig(
            Path source, List<ContextDefinition> contexts, boolean noCycles, boolean ddd, boolean eventsAreApi) {
        this(source, contexts, noCycles, ddd, eventsAreApi, Map.of());
    }

    public Optional<ContextDefinition> context(String name) {
        return contexts.stream().filter(context -> context.name().equals(name)).findFirst();
    }

    public List<String> contextNames() {
        return contexts.stream().map(ContextDefinition::name).toList();
    }

    /** The same configuration with other contexts (those created by captures). */
    public BoundaryConfig withContexts(List<ContextDefinition> resolved) {
        return new BoundaryConfig(source, resolved, noCycles, ddd, eventsAreApi, lines);
    }

    public int line(String field) {
        return lines.getOrDefault(field, 0);
    }
}
