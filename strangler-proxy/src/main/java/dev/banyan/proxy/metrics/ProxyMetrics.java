package dev.banyan.proxy.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The proxy's Micrometer meters. Meters are looked up once per tag combination and cached, so the hot path does no
 * registry lookups. No tag value is taken from the request as the client sent it: each comes from a fixed set or
 * from the routes file (route ids, service names), so the number of meters is bounded by the configuration.
 *
 * <ul>
 * <li>{@code banyan.proxy.requests} timer (histogram): route, backend, method (standard ones, else OTHER), status
 * class</li>
 * <li>{@code banyan.proxy.fallbacks} counter: route, service, reason</li>
 * <li>{@code banyan.shadow.comparisons} counter: route, result = match | mismatch | error | dropped</li>
 * <li>{@code banyan.routes.reloads} counter: result = applied | rejected</li>
 * <li>{@code banyan.circuit.state} gauge per service (registered by the circuit breakers)</li>
 * </ul>
 */
public class ProxyMetrics {

    private record RequestKey(String route, String backend, String method, String status) {}

    private record FallbackKey(String route, String service, String reason) {}

    private record ShadowKey(String route, String result) {}

    /** The methods of RFC 9110 and PATCH (RFC 5789), the only ones tagged by name. */
    static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

    private final MeterRegistry registry;

    private final Map<RequestKey, Timer> requests = new ConcurrentHashMap<>();

    private final Map<FallbackKey, Counter> fallbacks = new ConcurrentHashMap<>();

    private final Map<ShadowKey, Counter> shadows = new ConcurrentHashMap<>();

    public ProxyMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public MeterRegistry registry() {
        return registry;
    }

    /**
     * @param route   a route id from the routes file, or {@code default}
     * @param backend {@code legacy} or a service name from the routes file
     * @param method  the request's method as the client sent it; tagged as one of {@link #METHODS} or {@code OTHER}
     * @param status  the status code; tagged by class
     */
    public void request(String route, String backend, String method, int status, long nanos) {
        requests.computeIfAbsent(
                        new RequestKey(route, backend, methodTag(method), statusClass(status)),
                        k -> Timer.builder("banyan.proxy.requests")
                                .description("Requests through the proxy by route, backend and status class")
                                .tag("route", k.route())
                                .tag("backend", k.backend())
                                .tag("method", k.method())
                                .tag("status", k.status())
                                .publishPercentileHistogram()
                                .minimumExpectedValue(Duration.ofMillis(1))
                                .maximumExpectedValue(Duration.ofSeconds(30))
                                .register(registry))
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    public void fallback(String route, String service, String reason) {
        fallbacks
                .computeIfAbsent(
                        new FallbackKey(route, service, reason),
                        k -> Counter.builder("banyan.proxy.fallbacks")
                                .description("Requests replayed to legacy after the service failed")
                                .tag("route", k.route())
                                .tag("service", k.service())
                                .tag("reason", k.reason())
                                .register(registry))
                .increment();
    }

    public void shadow(String route, String result) {
        shadows.computeIfAbsent(
                        new ShadowKey(route, result),
                        k -> Counter.builder("banyan.shadow.comparisons")
                                .description("Shadow comparisons by result")
                                .tag("route", k.route())
                                .tag("result", k.result())
                                .register(registry))
                .increment();
    }

    public void reload(String result) {
        Counter.builder("banyan.routes.reloads")
                .description("Routes file reloads by result")
                .tag("result", result)
                .register(registry)
                .increment();
    }

    /** Live counters of one route for the admin API, read back from the meters. */
    public Map<String, Object> routeCounters(String route) {
        Map<String, Long> byBackend = new java.util.TreeMap<>();
        Map<String, Long> byStatus = new java.util.TreeMap<>();
        requests.forEach((k, timer) -> {
            if (k.route().equals(route)) {
                byBackend.merge(k.backend(), timer.count(), Long::sum);
                byStatus.merge(k.status(), timer.count(), Long::sum);
            }
        });
        long fallbackCount = fallbacks.entrySet().stream()
                .filter(e -> e.getKey().route().equals(route))
                .mapToLong(e -> (long) e.getValue().count())
                .sum();
        Map<String, Long> shadow = new java.util.TreeMap<>();
        shadows.forEach((k, c) -> {
            if (k.route().equals(route)) {
                shadow.put(k.result(), (long) c.count());
            }
        });
        return Map.of("requests", byBackend, "statuses", byStatus, "fallbacks", fallbackCount, "shadow", shadow);
    }

    /**
     * The status class: {@code 1xx} to {@code 5xx}, {@code none} when no status was set. Anything else a backend may
     * send (600 to 999) is {@code other}, so backends cannot grow the tag set either.
     */
    static String statusClass(int status) {
        if (status <= 0) {
            return "none";
        }
        return status >= 100 && status < 600 ? (status / 100) + "xx" : "other";
    }

    /**
     * The method tag. The method is the client's to choose (any token is valid HTTP), so only the standard ones are
     * tagged by name: a client sending made-up methods must not create a timer per method.
     */
    static String methodTag(String method) {
        return METHODS.contains(method) ? method : "OTHER";
    }
}
