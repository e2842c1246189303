package dev.banyan.proxy.fallback;

import java.net.ConnectException;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import dev.banyan.proxy.config.RoutesFileParser;
import dev.banyan.proxy.exchange.BanyanExchangeUtils;
import dev.banyan.proxy.metrics.ProxyMetrics;
import dev.banyan.proxy.routing.ActiveRoutes;
import dev.banyan.proxy.routing.Backend;
import dev.banyan.proxy.routing.Router;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fallback decision against a mock exchange: the gateway's proxying step is a lambda that fails the first call
 * (the service) as told and answers the second (the replay to legacy).
 */
class ServiceDispatchFilterTests {

    private static final ActiveRoutes ROUTES = ActiveRoutes.of(RoutesFileParser.parse(Path.of("routes.yml"), """
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
                fallback-to-legacy: true
              - id: reviews
                service: catalog
                paths: [/api/reviews/**]
                stage: MIGRATED
              - id: orders
                service: catalog
                paths: [/api/orders/**]
                stage: LEGACY
            """), 1);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final ServiceDispatchFilter filter = new ServiceDispatchFilter(
            new ServiceCircuitBreakers(
                    new ReactiveResilience4JCircuitBreakerFactory(
                            CircuitBreakerRegistry.ofDefaults(),
                            TimeLimiterRegistry.ofDefaults(),
                            null,
                            new Resilience4JConfigurationProperties()),
                    CircuitBreakerConfig.ofDefaults(),
                    registry),
            new ProxyMetrics(registry));

    private final AtomicInteger calls = new AtomicInteger();

    /** First call: the service fails as given (an error, or a status); later calls: legacy answers 200. */
    private GatewayFilterChain serviceThenLegacy(Mono<Void> serviceOutcome, HttpStatus serviceStatus) {
        return exchange -> {
            if (calls.incrementAndGet() > 1) {
                exchange.getResponse().setStatusCode(HttpStatus.OK);
                return Mono.empty();
            }
            if (serviceStatus != null) {
                exchange.getResponse().setStatusCode(serviceStatus);
                exchange.getResponse().getHeaders().set("X-From-Service", "yes");
            }
            return serviceOutcome;
        };
    }

    private MockServerWebExchange dispatch(MockServerHttpRequest request, GatewayFilterChain chain) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        var decision = Router.decide(
                ROUTES,
                request.getMethod().name(),
                PathContainer.parsePath(request.getPath().value()),
                key -> null);
        exchange.getAttributes().put(BanyanExchangeUtils.DECISION_ATTR, decision);
        exchange.getAttributes().put(BanyanExchangeUtils.BACKEND_ATTR, decision.backend());
        filter.filter(exchange, chain).block();
        return exchange;
    }

    private static String backend(ServerWebExchange exchange) {
        Backend backend = exchange.getAttribute(BanyanExchangeUtils.BACKEND_ATTR);
        return backend.name();
    }

    private double fallbacks(String reason) {
        var counter =
                registry.find("banyan.proxy.fallbacks").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aGetAfterAServiceErrorIsReplayedToLegacyWithoutTheServicesHeaders() {
        MockServerWebExchange exchange = dispatch(
                MockServerHttpRequest.get("/api/categories/7?lang=ko").build(),
                serviceThenLegacy(Mono.empty(), HttpStatus.SERVICE_UNAVAILABLE));

        assertThat(calls).hasValue(2);
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(exchange.getResponse().getHeaders().containsHeader("X-From-Service"))
                .isFalse();
        assertThat(backend(exchange)).isEqualTo("legacy");
        assertThat((URI) exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR))
                .hasToString("http://legacy.test:8081/api/categories/7?lang=ko");
        assertThat(fallbacks("server-error")).isEqualTo(1);
    }

    @Test
    void aPostAfterAServiceErrorKeepsTheServicesAnswerSoTheWriteIsNotDoneTwice() {
        MockServerWebExchange exchange = dispatch(
                MockServerHttpRequest.post("/api/categories").body("{}"),
                serviceThenLegacy(Mono.empty(), HttpStatus.INTERNAL_SERVER_ERROR));

        assertThat(calls).hasValue(1);
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(backend(exchange)).isEqualTo("catalog");
        assertThat(fallbacks("server-error")).isZero();
    }

    @Test
    void aPostTheServiceNeverReceivedIsReplayedToLegacy() {
        MockServerWebExchange exchange = dispatch(
                MockServerHttpRequest.post("/api/categories").body("{}"),
                serviceThenLegacy(Mono.error(new ConnectException("Connection refused")), null));

        assertThat(calls).hasValue(2);
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(backend(exchange)).isEqualTo("legacy");
        assertThat(fallbacks("connect-failed")).isEqualTo(1);
    }

    @Test
    void aPostThatTimedOutIsNotReplayedAndTheClientGetsA504Problem() {
        MockServerWebExchange exchange = dispatch(
                MockServerHttpRequest.post("/api/categories").body("{}"),
                serviceThenLegacy(Mono.error(new TimeoutException()), null));

        assertThat(calls).hasValue(1);
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getBodyAsString().block())
                .contains("Backend 'catalog' did not answer in time");
    }

    @Test
    void withoutFallbackAnUnreachableServiceIsA502ProblemAndItsOwn5xxPassesThrough() {
        MockServerWebExchange unreachable = dispatch(
                MockServerHttpRequest.get("/api/reviews/1").build(),
                serviceThenLegacy(Mono.error(new ConnectException("Connection refused")), null));
        assertThat(calls).hasValue(1);
        assertThat(unreachable.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(unreachable.getResponse().getBodyAsString().block())
                .contains("Backend 'catalog' could not be reached");

        calls.set(0);
        MockServerWebExchange failing = dispatch(
                MockServerHttpRequest.get("/api/reviews/1").build(),
                serviceThenLegacy(Mono.empty(), HttpStatus.SERVICE_UNAVAILABLE));
        assertThat(calls).hasValue(1);
        assertThat(failing.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(failing.getResponse().getHeaders().getFirst("X-From-Service"))
                .isEqualTo("yes");
    }

    @Test
    void aRequestForLegacyIsNeitherGuardedNorReplayed() {
        MockServerWebExchange exchange = dispatch(
                MockServerHttpRequest.get("/api/orders/1").build(),
                serviceThenLegacy(Mono.empty(), HttpStatus.SERVICE_UNAVAILABLE));

        assertThat(calls).hasValue(1);
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(fallbacks("server-error")).isZero();
    }

    @Test
    void aServiceThatSaysItDoesNotOwnTheRequestGetsItReplayedToLegacyEvenForAPost() {
        MockServerWebExchange exchange = dispatch(
                MockServerHttpRequest.post("/api/categories/7/pickup").body("{}"),
                serviceThenLegacy(Mono.empty(), HttpStatus.MISDIRECTED_REQUEST));

        assertThat(calls).hasValue(2);
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(exchange.getResponse().getHeaders().containsHeader("X-From-Service"))
                .isFalse();
        assertThat(backend(exchange)).isEqualTo("legacy");
        assertThat(fallbacks("misdirected")).isEqualTo(1);
    }

    @Test
    void misdirectedAnswersDoNotOpenTheCircuit() {
        for (int i = 0; i < 150; i++) {
            calls.set(0);
            dispatch(
                    MockServerHttpRequest.get("/api/categories/" + i).build(),
                    serviceThenLegacy(Mono.empty(), HttpStatus.MISDIRECTED_REQUEST));
        }
        calls.set(0);
        MockServerWebExchange exchange = dispatch(
                MockServerHttpRequest.get("/api/categories/1").build(), serviceThenLegacy(Mono.empty(), HttpStatus.OK));

        assertThat(calls).hasValue(1);
        assertThat(backend(exchange)).isEqualTo("catalog");
        assertThat(fallbacks("circuit-open")).isZero();
    }

    @Test
    void withoutFallbackAMisdirectedAnswerPassesThrough() {
        MockServerWebExchange exchange = dispatch(
                MockServerHttpRequest.get("/api/reviews/1").build(),
                serviceThenLegacy(Mono.empty(), HttpStatus.MISDIRECTED_REQUEST));

        assertThat(calls).hasValue(1);
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.MISDIRECTED_REQUEST);
        assertThat(fallbacks("misdirected")).isZero();
    }
}
