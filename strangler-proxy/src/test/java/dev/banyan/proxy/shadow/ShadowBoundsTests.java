package dev.banyan.proxy.shadow;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.banyan.proxy.config.RoutesFileParser;
import dev.banyan.proxy.forwarding.BackendHeaders;
import dev.banyan.proxy.metrics.ProxyMetrics;
import dev.banyan.proxy.routing.ActiveRoutes;
import dev.banyan.proxy.routing.Router;
import dev.banyan.proxy.routing.RoutingDecision;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/** Shadow copies are bounded in number and in the bytes kept, whatever the service does. */
class ShadowBoundsTests {

    @Test
    void copiesBeyondTheInFlightCapAreDroppedAndCounted() throws Exception {
        // A service that accepts connections and never answers: every copy stays in flight.
        try (ServerSocket silent = new ServerSocket(0)) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            ShadowMirror mirror = new ShadowMirror(
                    2,
                    1024,
                    new MismatchLog(5),
                    new ProxyMetrics(registry),
                    new BackendHeaders(BackendHeaders.noTrustedProxies(), "X-Correlation-Id"));
            try {
                ActiveRoutes active = ActiveRoutes.of(
                        RoutesFileParser.parse(Path.of("routes.yml"), """
                        legacy: {uri: "http://127.0.0.1:1"}
                        services:
                          catalog: {uri: "http://127.0.0.1:%d", timeout: 30s}
                        routes:
                          - {id: shadowed, service: catalog, paths: [/api/**], stage: SHADOW}
                        """.formatted(silent.getLocalPort())), 1);
                RoutingDecision decision = Router.decide(active, "GET", PathContainer.parsePath("/api/x"), key -> null);
                assertThat(decision.shadow()).isTrue();
                for (int i = 0; i < 5; i++) {
                    MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/x"));
                    ServerWebExchange mirrored = mirror.mirror(exchange, decision);
                    assertThat(mirrored.getResponse() != exchange.getResponse()).isEqualTo(i < 2);
                }
                Counter dropped = registry.find("banyan.shadow.comparisons")
                        .tag("route", "shadowed")
                        .tag("result", "dropped")
                        .counter();
                assertThat(dropped).isNotNull();
                assertThat(dropped.count()).isEqualTo(3.0);
            } finally {
                mirror.close();
            }
        }
    }

    @Test
    void keptBodiesNeverGrowPastTheirLimit() {
        BoundedBody body = new BoundedBody(8);
        body.append("김밥".getBytes(StandardCharsets.UTF_8));
        assertThat(body.truncated()).isFalse();
        body.append("천국 강남점".getBytes(StandardCharsets.UTF_8));
        assertThat(body.toByteArray()).hasSize(8);
        assertThat(body.truncated()).isTrue();
        body.append(new byte[1_000_000]);
        assertThat(body.toByteArray()).hasSize(8);
    }
}
