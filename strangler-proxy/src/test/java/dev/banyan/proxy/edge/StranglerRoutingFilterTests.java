package dev.banyan.proxy.edge;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import dev.banyan.proxy.exchange.BanyanExchangeUtils;
import dev.banyan.proxy.fallback.BodyBudget;
import dev.banyan.proxy.metrics.ProxyMetrics;
import dev.banyan.proxy.reload.RoutesManager;
import dev.banyan.proxy.routing.CanaryBuckets;
import dev.banyan.proxy.routing.RoutingDecision;
import dev.banyan.proxy.shadow.ShadowMirror;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The strangler decision against a mock exchange: no server, no backend, the gateway chain played by a lambda. */
class StranglerRoutingFilterTests {

    private static final String ROUTES = """
            legacy:
              uri: http://legacy.test:8081
            services:
              catalog:
                uri: http://catalog.test:8082
            routes:
              - id: categories
                service: catalog
                paths: [/api/categories/**]
                stage: MIGRATED
              - id: orders
                service: catalog
                paths: [/api/orders/**]
                stage: LEGACY
              - id: restaurants
                service: catalog
                paths: [/api/restaurants/**]
                stage: CANARY
                percent: 50
                sticky-by: header:X-Customer-Id
              - id: menus
                service: catalog
                paths: [/api/menus/**]
                stage: SHADOW
            """;

    @TempDir
    Path dir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final ShadowMirror shadow = mock(ShadowMirror.class);

    private StranglerRoutingFilter filter;

    /** The exchange the rest of the gateway chain was given, once the filter let it through. */
    private final AtomicReference<ServerWebExchange> passedOn = new AtomicReference<>();

    private final GatewayFilterChain answeringChain = exchange -> {
        passedOn.set(exchange);
        exchange.getResponse().setStatusCode(HttpStatus.OK);
        return exchange.getResponse().setComplete();
    };

    @BeforeEach
    void filterOverTheRoutesFile() throws IOException {
        Path file = Files.writeString(dir.resolve("routes.yml"), ROUTES, StandardCharsets.UTF_8);
        ProxyMetrics metrics = new ProxyMetrics(registry);
        filter = new StranglerRoutingFilter(
                new RoutesManager(file, metrics), shadow, metrics, 1024 * 1024, new BodyBudget(1024 * 1024));
        when(shadow.mirror(any(), any())).thenAnswer(call -> call.getArgument(0));
    }

    private MockServerWebExchange run(MockServerHttpRequest request, GatewayFilterChain chain) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        filter.filter(exchange, chain).block();
        return exchange;
    }

    private static RoutingDecision decision(ServerWebExchange exchange) {
        return exchange.getAttribute(BanyanExchangeUtils.DECISION_ATTR);
    }

    @Test
    void aMigratedRouteHandsTheGatewayTheServiceAndStampsTheHeaders() {
        MockServerWebExchange exchange =
                run(MockServerHttpRequest.get("/api/categories/7").build(), answeringChain);

        Route route = passedOn.get().getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        assertThat(route.getUri()).hasToString("http://catalog.test:8082");
        assertThat(exchange.getResponse().getHeaders().getFirst(BanyanExchangeUtils.BACKEND_HEADER))
                .isEqualTo("catalog");
        assertThat(exchange.getResponse().getHeaders().getFirst(BanyanExchangeUtils.ROUTE_HEADER))
                .isEqualTo("categories");
        assertThat(registry.get("banyan.proxy.requests")
                        .tag("route", "categories")
                        .tag("backend", "catalog")
                        .tag("status", "2xx")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aLegacyStageAndAnUnclaimedPathBothGoToLegacy() {
        MockServerWebExchange pinned =
                run(MockServerHttpRequest.get("/api/orders/1").build(), answeringChain);
        Route route = passedOn.get().getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        assertThat(route.getUri()).hasToString("http://legacy.test:8081");
        assertThat(pinned.getResponse().getHeaders().getFirst(BanyanExchangeUtils.BACKEND_HEADER))
                .isEqualTo("legacy");

        MockServerWebExchange unclaimed =
                run(MockServerHttpRequest.get("/api/payments").build(), answeringChain);
        assertThat(decision(unclaimed).routeId()).isEqualTo(RoutingDecision.DEFAULT_ROUTE_ID);
        assertThat(unclaimed.getResponse().getHeaders().getFirst(BanyanExchangeUtils.ROUTE_HEADER))
                .isEqualTo("default");
        assertThat(unclaimed.getResponse().getHeaders().getFirst(BanyanExchangeUtils.BACKEND_HEADER))
                .isEqualTo("legacy");
    }

    @Test
    void aCanaryKeepsEachCustomerOnTheSideItsBucketSays() {
        for (int k = 0; k < 40; k++) {
            String customer = "customer-" + k;
            boolean toService = CanaryBuckets.inService(CanaryBuckets.bucket("catalog", customer), 5000);
            for (int again = 0; again < 3; again++) {
                MockServerWebExchange exchange = run(
                        MockServerHttpRequest.get("/api/restaurants/3")
                                .header("X-Customer-Id", customer)
                                .build(),
                        answeringChain);
                assertThat(exchange.getResponse().getHeaders().getFirst(BanyanExchangeUtils.BACKEND_HEADER))
                        .as(customer)
                        .isEqualTo(toService ? "catalog" : "legacy");
            }
        }
    }

    @Test
    void aShadowRouteStartsTheCopyOfASafeRequestWhileLegacyAnswers() {
        MockServerWebExchange exchange =
                run(MockServerHttpRequest.get("/api/menus/1").build(), answeringChain);

        verify(shadow).mirror(any(), any());
        assertThat(decision(exchange).shadow()).isTrue();
        assertThat(exchange.getResponse().getHeaders().getFirst(BanyanExchangeUtils.BACKEND_HEADER))
                .isEqualTo("legacy");
    }

    @Test
    void aShadowRouteCopiesNoWriteUnlessAllowed() {
        MockServerWebExchange exchange = run(
                MockServerHttpRequest.post("/api/menus/1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body("{\"name\":\"떡볶이\"}"),
                answeringChain);

        verify(shadow, never()).mirror(any(), any());
        assertThat(decision(exchange).shadow()).isFalse();
        assertThat(exchange.getResponse().getHeaders().getFirst(BanyanExchangeUtils.BACKEND_HEADER))
                .isEqualTo("legacy");
    }

    @Test
    void aFailureNothingAnsweredBecomesAProblemNamingTheBackend() {
        MockServerWebExchange exchange = run(
                MockServerHttpRequest.get("/api/orders/1").build(),
                ex -> Mono.error(new ConnectException("Connection refused")));

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("Backend 'legacy' could not be reached");
        assertThat(exchange.getResponse().getHeaders().getFirst(BanyanExchangeUtils.BACKEND_HEADER))
                .isEqualTo("legacy");
        assertThat(registry.get("banyan.proxy.requests")
                        .tag("route", "orders")
                        .tag("status", "5xx")
                        .timer()
                        .count())
                .isEqualTo(1);
    }
}
