package dev.banyan.proxy.routing;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import dev.banyan.proxy.config.RouteSpec;
import dev.banyan.proxy.config.StickyKey;

import org.springframework.http.server.PathContainer;

/** Decides, from the active routes alone, which backend serves a request. Pure apart from the per-request coin. */
public final class Router {

    private Router() {}

    /**
     * @param stickyKeys reads a cohort key from the request, {@code null} when the request lacks it
     */
    public static RoutingDecision decide(
            ActiveRoutes active, String method, PathContainer path, Function<StickyKey, String> stickyKeys) {
        RouteSpec route = active.table().match(method, path);
        if (route == null) {
            return new RoutingDecision(null, active.legacy(), null, active.legacy(), false);
        }
        Backend service = route.service() == null ? null : active.service(route.service());
        if (service == null) {
            return new RoutingDecision(route, active.legacy(), null, active.legacy(), false);
        }
        return switch (route.stage()) {
            case LEGACY -> new RoutingDecision(route, active.legacy(), service, active.legacy(), false);
            case MIGRATED -> new RoutingDecision(route, service, service, active.legacy(), false);
            case SHADOW ->
                new RoutingDecision(route, active.legacy(), service, active.legacy(), shadowEligible(route, method));
            case CANARY ->
                new RoutingDecision(
                        route,
                        canaryPicksService(route, stickyKeys) ? service : active.legacy(),
                        service,
                        active.legacy(),
                        false);
        };
    }

    static boolean canaryPicksService(RouteSpec route, Function<StickyKey, String> stickyKeys) {
        int basisPoints = route.percentBasisPoints();
        if (basisPoints <= 0) {
            return false;
        }
        if (basisPoints >= CanaryBuckets.BUCKETS) {
            return true;
        }
        String key = route.stickyBy() == null ? null : stickyKeys.apply(route.stickyBy());
        int bucket = key == null || key.isEmpty()
                ? ThreadLocalRandom.current().nextInt(CanaryBuckets.BUCKETS)
                : CanaryBuckets.bucket(route.service(), key);
        return CanaryBuckets.inService(bucket, basisPoints);
    }

    private static boolean shadowEligible(RouteSpec route, String method) {
        boolean safe = method.equals("GET") || method.equals("HEAD");
        if (!safe && !route.shadow().allowUnsafe()) {
            return false;
        }
        int sample = route.shadow().samplePercent();
        return sample >= 100 || sample > 0 && ThreadLocalRandom.current().nextInt(100) < sample;
    }
}
