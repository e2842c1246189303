package dev.banyan.proxy.edge;

import java.util.function.Function;

import dev.banyan.proxy.config.StickyKey;
import dev.banyan.proxy.exchange.BanyanExchangeUtils;
import dev.banyan.proxy.exchange.ProblemResponses;
import dev.banyan.proxy.fallback.BodyBudget;
import dev.banyan.proxy.fallback.FailureKind;
import dev.banyan.proxy.fallback.ReplayableRequest;
import dev.banyan.proxy.metrics.ProxyMetrics;
import dev.banyan.proxy.reload.RoutesManager;
import dev.banyan.proxy.routing.Backend;
import dev.banyan.proxy.routing.Router;
import dev.banyan.proxy.routing.RoutingDecision;
import dev.banyan.proxy.shadow.ShadowMirror;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import static dev.banyan.proxy.exchange.BanyanExchangeUtils.BACKEND_ATTR;
import static dev.banyan.proxy.exchange.BanyanExchangeUtils.BACKEND_HEADER;
import static dev.banyan.proxy.exchange.BanyanExchangeUtils.BODY_RESERVATION_ATTR;
import static dev.banyan.proxy.exchange.BanyanExchangeUtils.DECISION_ATTR;
import static dev.banyan.proxy.exchange.BanyanExchangeUtils.ROUTE_HEADER;

/**
 * The strangler decision, as a Spring Cloud Gateway global filter. It runs before the gateway's response writer, so
 * it sees the whole exchange: it matches the request against the active routes, picks the backend for the stage,
 * hands the gateway that backend's {@link org.springframework.cloud.gateway.route.Route} (URI and timeouts), starts
 * the shadow copy, keeps the body when a replay may be needed, stamps {@value BanyanExchangeUtils#BACKEND_HEADER}
 * and records metrics. The gateway's own filters then build the URL and proxy the request over its Netty client.
 */
public class StranglerRoutingFilter implements GlobalFilter, Ordered {

    private final RoutesManager routes;

    private final ShadowMirror shadow;

    private final ProxyMetrics metrics;

    private final int maxBodyBytes;

    private final BodyBudget bodyBudget;

    public StranglerRoutingFilter(
            RoutesManager routes, ShadowMirror shadow, ProxyMetrics metrics, int maxBodyBytes, BodyBudget bodyBudget) {
        this.routes = routes;
        this.shadow = shadow;
        this.metrics = metrics;
        this.maxBodyBytes = maxBodyBytes;
        this.bodyBudget = bodyBudget;
    }

    @Override
    public int getOrder() {
        return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        long start = System.nanoTime();
        ServerHttpRequest request = exchange.getRequest();
        String method = request.getMethod().name();
        RoutingDecision decision =
                Router.decide(routes.current(), method, request.getPath().pathWithinApplication(), stickyKeys(request));
        exchange.getAttributes().put(DECISION_ATTR, decision);
        exchange.getAttributes().put(BACKEND_ATTR, decision.backend());
        exchange.getAttributes()
                .put(
                        ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR,
                        decision.backend().gatewayRoute());

        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            Backend backend = exchange.getAttribute(BACKEND_ATTR);
            response.getHeaders()
                    .set(BACKEND_HEADER, backend == null ? decision.backend().name() : backend.name());
            response.getHeaders().set(ROUTE_HEADER, decision.routeId());
            return Mono.empty();
        });

        boolean mayReplay = decision.toService() && decision.fallbackToLegacy();
        Mono<ServerWebExchange> prepared = mayReplay || decision.shadow()
                ? ReplayableRequest.cache(exchange, maxBodyBytes, bodyBudget)
                : Mono.just(exchange);
        return prepared.flatMap(ready -> chain.filter(decision.shadow() ? shadow.mirror(ready, decision) : ready))
                .onErrorResume(error -> answerFailure(exchange, error))
                .doFinally(signal -> {
                    // whatever the end (answered, failed, client gone), the buffered body leaves the budget
                    BodyBudget.Reservation reservation = exchange.getAttribute(BODY_RESERVATION_ATTR);
                    if (reservation != null) {
                        reservation.release();
                    }
                    record(exchange, decision, method, signal, start);
                });
    }

    /**
     * A failure nothing else answered (legacy unreachable, a body over the limit...) becomes a problem response
     * naming the backend, as long as nothing was sent to the client yet.
     */
    private static Mono<Void> answerFailure(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        BanyanExchangeUtils.discardBackendAnswer(exchange);
        if (error instanceof BodyBudget.ExhaustedException) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
            return ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE, error.getMessage());
        }
        FailureKind kind = FailureKind.of(error);
        Backend backend = exchange.getAttribute(BACKEND_ATTR);
        return ProblemResponses.write(
                response, kind.status(), kind.describe(backend == null ? "legacy" : backend.name()));
    }

    private void record(
            ServerWebExchange exchange, RoutingDecision decision, String method, SignalType signal, long start) {
        Backend backend = exchange.getAttribute(BACKEND_ATTR);
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        int code = status != null ? status.value() : signal == SignalType.ON_ERROR ? 502 : 0;
        metrics.request(
                decision.routeId(),
                backend == null ? decision.backend().name() : backend.name(),
                method,
                code,
                System.nanoTime() - start);
    }

    private static Function<StickyKey, String> stickyKeys(ServerHttpRequest request) {
        return key -> switch (key.source()) {
            case HEADER -> request.getHeaders().getFirst(key.name());
            case QUERY -> request.getQueryParams().getFirst(key.name());
            case COOKIE -> {
                HttpCookie cookie = request.getCookies().getFirst(key.name());
                yield cookie == null ? null : cookie.getValue();
            }
        };
    }
}
