package dev.banyan.proxy.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The proxy's Micrometer meters. Meters are looked up once per tag combination and cached, so the hot path does no
 * registry lookups.
 *
 * <ul>
 * <li>{@code banyan.proxy.requests} timer (histogram): route, backend, method, status class</li>
 * <li>{@code banyan.proxy.fallbacks} counter: route, service, reason</li>
 * <li>{@code banyan.shadow.comparisons} counter: route, result = match | mismatch | error | dropped</li>
 * <li>{@code banyan.routes.reloads} counter: result = applied | rejected</li>
 * <li>{@code banyan.circuit.state} gauge per service (registered by the circuit breakers)</li>
 * </ul>
 */
public class ProxyMetrics {

    private record RequestKey(String route, String backend, String method, String status) {
    }

    private record FallbackKey(String route, String service, String reason) {
    }

    private record ShadowKey(String route, String result) {
    }

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

    public void request(String route, String backend, String method, int status, long nanos) {
        requests.computeIfAbsent(new RequestKey(route, backend, method, statusClass(status)), k -> Timer
                .builder("banyan.proxy.requests")
                .description("Requests through the proxy by route, backend and status class")
                .tag("route", k.route()).tag("backend", k.backend()).tag("method", k.method()).tag("status", k.status())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    public void fallback(String route, String service, String reason) {
        fallbacks.computeIfAbsent(new FallbackKey(route, service, reason), k -> Counter
                .builder("banyan.proxy.fallbacks")
                .description("Requests replayed to legacy after the service failed")
                .tag("route", k.route()).tag("service", k.service()).tag("reason", k.reason())
                .register(registry)).increment();
    }

    public void shadow(String route, String result) {
        shadows.computeIfAbsent(new ShadowKey(route, result), k -> Counter
                .builder("banyan.shadow.comparisons")
                .description("Shadow comparisons by result")
                .tag("route", k.route()).tag("result", k.result())
                .register(registry)).increment();
    }

    public void reload(String result) {
        Counter.builder("banyan.routes.reloads").description("Routes file reloads by result").tag("result", result)
                .register(registry).increment();
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
        long fallbackCount = fallbacks.entrySet().stream().filter(e -> e.getKey().route().equals(route))
                .mapToLong(e -> (long) e.getValue().count()).sum();
        Map<String, Long> shadow = new java.util.TreeMap<>();
        shadows.forEach((k, c) -> {
            if (k.route().equals(route)) {
                shadow.put(k.result(), (long) c.count());
            }
        });
        return Map.of("requests", byBackend, "statuses", byStatus, "fallbacks", fallbackCount, "shadow", shadow);
    }

    static String statusClass(int status) {
        return status <= 0 ? "none" : (status / 100) + "xx";
    }
}
