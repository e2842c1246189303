package dev.banyan.proxy.routing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.banyan.proxy.config.RoutesConfig;

/**
 * The configuration in force: the parsed file, its route table and its backends. A reload swaps the whole object
 * atomically; a request keeps the snapshot it started with, so in-flight requests are never disturbed.
 */
public record ActiveRoutes(
        RoutesConfig config,
        RouteTable table,
        Backend legacy,
        Map<String, Backend> services,
        long version,
        Instant loadedAt) {

    public static ActiveRoutes of(RoutesConfig config, long version) {
        Map<String, Backend> services = new LinkedHashMap<>();
        config.services().forEach((name, target) -> services.put(name, Backend.of(target)));
        return new ActiveRoutes(
                config,
                RouteTable.of(config.routes()),
                Backend.of(config.legacy()),
                Map.copyOf(services),
                version,
                Instant.now());
    }

    public Backend service(String name) {
        return services.get(name);
    }
}
