package dev.banyan.architecture.boundary;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The parsed and validated {@code boundaries.yml}.
 *
 * @param source       the file it was read from
 * @param contexts     the bounded contexts, in file order
 * @param noCycles     whether cycles between contexts are findings
 * @param ddd          whether the jMolecules DDD rules run
 * @param eventsAreApi whether domain events (jMolecules) count as part of their context's API wherever they live
 */
public record BoundaryConfig(
        Path source, List<ContextDefinition> contexts, boolean noCycles, boolean ddd, boolean eventsAreApi) {

    public BoundaryConfig {
        contexts = List.copyOf(contexts);
    }

    public Optional<ContextDefinition> context(String name) {
        return contexts.stream().filter(context -> context.name().equals(name)).findFirst();
    }

    public List<String> contextNames() {
        return contexts.stream().map(ContextDefinition::name).toList();
    }
}
