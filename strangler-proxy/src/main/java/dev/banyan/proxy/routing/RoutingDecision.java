package dev.banyan.proxy.routing;

import dev.banyan.proxy.config.RouteSpec;

/**
 * Where one request goes.
 *
 * @param route   the matched route, or {@code null} for the strangler default (legacy)
 * @param backend the backend that answers the client
 * @param service the route's service backend, or {@code null} for routes pinned to legacy
 * @param legacy  the legacy backend (the fallback target)
 * @param shadow  whether a copy goes to the service for comparison
 */
public record RoutingDecision(RouteSpec route, Backend backend, Backend service, Backend legacy, boolean shadow) {

    public static final String DEFAULT_ROUTE_ID = "default";

    public String routeId() {
        return route == null ? DEFAULT_ROUTE_ID : route.id();
    }

    public boolean toService() {
        return !backend.isLegacy();
    }

    public boolean fallbackToLegacy() {
        return route != null && route.fallbackToLegacy();
    }
}
