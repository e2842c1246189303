package dev.banyan.proxy.fallback;

import java.net.URI;
import java.util.Set;

import dev.banyan.proxy.exchange.BanyanExchangeUtils;
import dev.banyan.proxy.exchange.ProblemResponses;
import dev.banyan.proxy.metrics.ProxyMetrics;
import dev.banyan.proxy.routing.Backend;
import dev.banyan.proxy.routing.RoutingDecision;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Calls a service through its circuit breaker and, when the route allows it, replays a failed call to legacy with
 * the same body. Sits right before the gateway's Netty routing filter, so a replay re-runs only the proxying step,
 * before anything of the failed answer reached the client.
 *
 * <p>Safe and idempotent methods are replayed after any failure (connect error, timeout, 5xx, broken connection,
 * open circuit). Other methods are replayed only when the request provably never reached the service (connect
 * failed, circuit open), so a write is never done twice.
 *
 * <p>A service answers {@code 421 Misdirected Request} for what it does not own yet (say, a delivery that the
 * monolith still handles while both run): the request is replayed to legacy whatever its method, because the service
 * declares it did nothing. That is ownership, not failure, so the circuit breaker does not count it.
 */
public class ServiceDispatchFilter implements GlobalFilter, Ordered {

    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE");

    private final ServiceCircuitBreakers breakers;

    private final ProxyMetrics metrics;

    public ServiceDispatchFilter(ServiceCircuitBreakers breakers, ProxyMetrics metrics) {
        this.breakers = breakers;
        this.metrics = metrics;
    }

    @Override
    public int getOrder() {
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        RoutingDecision decision = exchange.getAttribute(BanyanExchangeUtils.DECISION_ATTR);
        if (decision == null || !decision.toService()) {
            return chain.filter(exchange);
        }
        Mono<Void> call = chain.filter(exchange).then(Mono.defer(() -> {
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            return status != null && status.is5xxServerError()
                    ? Mono.error(new ServiceErrorStatus(status.value()))
                    : Mono.<Void>empty();
        }));
        return breakers.run(decision.backend().name(), call, error -> onFailure(exchange, chain, decision, error))
                .then(Mono.defer(() -> misdirected(exchange, decision)
                        ? replayMisdirected(exchange, chain, decision)
                        : Mono.<Void>empty()));
    }

    private static boolean misdirected(ServerWebExchange exchange, RoutingDecision decision) {
        ServerHttpResponse response = exchange.getResponse();
        Backend answered = exchange.getAttribute(BanyanExchangeUtils.BACKEND_ATTR);
        return decision.fallbackToLegacy()
                && !response.isCommitted()
                && answered == decision.backend()
                && response.getStatusCode() != null
                && response.getStatusCode().value() == HttpStatus.MISDIRECTED_REQUEST.value();
    }

    private Mono<Void> replayMisdirected(
            ServerWebExchange exchange, GatewayFilterChain chain, RoutingDecision decision) {
        metrics.fallback(decision.routeId(), decision.backend().name(), "misdirected");
        return replayToLegacy(exchange, chain, decision);
    }

    private Mono<Void> onFailure(
            ServerWebExchange exchange, GatewayFilterChain chain, RoutingDecision decision, Throwable error) {
        FailureKind kind = FailureKind.of(error);
        ServerHttpResponse response = exchange.getResponse();
        String method = exchange.getRequest().getMethod().name();
        boolean replay = decision.fallbackToLegacy()
                && kind != FailureKind.BODY_TOO_LARGE
                && !response.isCommitted()
                && (kind.neverReachedService() || IDEMPOTENT.contains(method));
        if (replay) {
            metrics.fallback(decision.routeId(), decision.backend().name(), kind.tag());
            return replayToLegacy(exchange, chain, decision);
        }
        if (kind == FailureKind.SERVER_ERROR) {
            return Mono.empty(); // no fallback: the service's own 5xx answer goes to the client
        }
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        BanyanExchangeUtils.discardBackendAnswer(exchange);
        String detail = kind.describe(decision.backend().name());
        return ProblemResponses.write(response, kind.status(), detail);
    }

    private Mono<Void> replayToLegacy(ServerWebExchange exchange, GatewayFilterChain chain, RoutingDecision decision) {
        BanyanExchangeUtils.discardBackendAnswer(exchange);
        Backend legacy = decision.legacy();
        URI requestUri = exchange.getRequest().getURI();
        URI legacyUrl = UriComponentsBuilder.fromUri(requestUri)
                .scheme(legacy.target().uri().getScheme())
                .host(legacy.target().uri().getHost())
                .port(legacy.target().uri().getPort())
                .build(ServerWebExchangeUtils.containsEncodedParts(requestUri))
                .toUri();
        exchange.getAttributes().put(BanyanExchangeUtils.BACKEND_ATTR, legacy);
        exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR, legacy.gatewayRoute());
        exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, legacyUrl);
        exchange.getAttributes().remove(ServerWebExchangeUtils.GATEWAY_ALREADY_ROUTED_ATTR);
        return chain.filter(exchange);
    }
}
