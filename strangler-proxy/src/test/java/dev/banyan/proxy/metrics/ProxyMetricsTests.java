package dev.banyan.proxy.metrics;

import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProxyMetricsTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final ProxyMetrics metrics = new ProxyMetrics(registry);

    @Test
    void madeUpMethodsAndStatusesDoNotGrowTheNumberOfTimers() {
        for (int i = 0; i < 1_000; i++) {
            metrics.request("default", "legacy", "M" + i, 200, 1_000);
            metrics.request("default", "legacy", "GET", i, 1_000);
        }
        Set<String> methods = tagValues("method");
        assertThat(methods).containsExactlyInAnyOrder("GET", "OTHER");
        assertThat(tagValues("status")).containsExactlyInAnyOrder("none", "1xx", "2xx", "3xx", "4xx", "5xx", "other");
        assertThat(registry.find("banyan.proxy.requests").timers()).hasSize(8);
    }

    @Test
    void standardMethodsKeepTheirNames() {
        for (String method : new String[] {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"}) {
            metrics.request("r", "legacy", method, 204, 1_000);
        }
        metrics.request("r", "legacy", "get", 204, 1_000);
        assertThat(tagValues("method"))
                .containsExactlyInAnyOrder(
                        "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "OTHER");
    }

    private Set<String> tagValues(String tag) {
        return registry.find("banyan.proxy.requests").meters().stream()
                .map(Meter::getId)
                .map(id -> id.getTag(tag))
                .collect(Collectors.toSet());
    }
}
