package dev.banyan.proxy.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A complete, validated routes file. Immutable: a reload builds a new one. */
public record RoutesConfig(
        Path file,
        BackendTarget legacy,
        Map<String, BackendTarget> services,
        List<RouteSpec> routes,
        List<EventRouteSpec> eventRoutes) {

    public RoutesConfig {
        services = Map.copyOf(services);
        routes = List.copyOf(routes);
        eventRoutes = List.copyOf(eventRoutes);
    }

    public Optional<EventRouteSpec> eventRoute(String id) {
        return eventRoutes.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public Optional<RouteSpec> route(String id) {
        return routes.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
