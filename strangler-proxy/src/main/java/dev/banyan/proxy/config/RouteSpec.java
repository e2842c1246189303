package dev.banyan.proxy.config;

import java.util.List;
import java.util.Set;

/**
 * One route of the routes file.
 *
 * @param id               unique id, used in metrics, logs and the admin API
 * @param service          the service name, or {@code null} for a route pinned to legacy
 * @param paths            path patterns ({@code /api/restaurants}, {@code /api/restaurants/**})
 * @param methods          upper-case HTTP methods; empty means every method; GET implies HEAD
 * @param stage            migration stage
 * @param percent          CANARY share in percent with at most two decimals, or {@code null}
 * @param stickyBy         cohort key, or {@code null} to choose per request
 * @param fallbackToLegacy replay to legacy when the service fails
 * @param shadow           shadow settings (defaults when absent)
 * @param order            explicit priority (lower wins), or {@code null} for "most specific wins"
 * @param line             line of the route in the file, for messages
 */
public record RouteSpec(
        String id,
        String service,
        List<String> paths,
        Set<String> methods,
        Stage stage,
        Double percent,
        StickyKey stickyBy,
        boolean fallbackToLegacy,
        ShadowSpec shadow,
        Integer order,
        int line) {

    public RouteSpec {
        paths = List.copyOf(paths);
        methods = Set.copyOf(methods);
    }

    /** Whether the route takes the method. HEAD goes wherever GET goes, as RFC 9110 section 9.3.2 means it. */
    public boolean allowsMethod(String method) {
        return methods.isEmpty() || methods.contains(method) || method.equals("HEAD") && methods.contains("GET");
    }

    /** The canary share in basis points (0..10000). */
    public int percentBasisPoints() {
        return percent == null ? 0 : (int) Math.round(percent * 100);
    }

    public int effectiveOrder() {
        return order == null ? 0 : order;
    }
}
