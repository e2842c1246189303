package dev.banyan.proxy.shadow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import dev.banyan.proxy.exchange.BanyanExchangeUtils;
import dev.banyan.proxy.fallback.BodyBudget;
import dev.banyan.proxy.fallback.ReplayableRequest;
import dev.banyan.proxy.forwarding.BackendHeaders;
import dev.banyan.proxy.metrics.ProxyMetrics;
import dev.banyan.proxy.routing.Backend;
import dev.banyan.proxy.routing.RoutingDecision;

import io.netty.handler.codec.http.HttpMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Copies SHADOW requests to the service and compares its answer with legacy's. The client only ever waits for
 * legacy: the copy is fired on its own connection pool, and the comparison runs when both answers are in. Copies in
 * flight are capped (more are dropped and counted) and bodies are kept up to a limit, so a slow or dead service can
 * neither slow the client nor exhaust memory.
 */
public class ShadowMirror {

    private static final Logger log = LoggerFactory.getLogger(ShadowMirror.class);

    /** Marks the copy so the service can tell it apart (and skip side effects if it wants). */
    public static final String SHADOW_HEADER = BackendHeaders.SHADOW_HEADER;

    /** Set by the copy's own client from the URL and the body it sends. */
    private static final List<String> NOT_COPIED =
            List.of(HttpHeaders.HOST, HttpHeaders.CONTENT_LENGTH, HttpHeaders.EXPECT);

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final Duration ERROR_LOG_INTERVAL = Duration.ofSeconds(10);

    private final HttpClient client;

    private final ConnectionProvider pool;

    private final Semaphore inFlight;

    private final int maxBodyBytes;

    private final ShadowComparator comparator = new ShadowComparator();

    private final MismatchLog mismatches;

    private final ProxyMetrics metrics;

    private final BackendHeaders backendHeaders;

    /** Per route, when the next failed copy may be logged; a dead service must not flood the log. */
    private final Map<String, AtomicLong> nextErrorLog = new ConcurrentHashMap<>();

    public ShadowMirror(
            int maxInFlight,
            int maxBodyBytes,
            MismatchLog mismatches,
            ProxyMetrics metrics,
            BackendHeaders backendHeaders) {
        this.pool = ConnectionProvider.builder("banyan-shadow")
                .maxConnections(maxInFlight)
                .pendingAcquireMaxCount(maxInFlight)
                .pendingAcquireTimeout(Duration.ofSeconds(2))
                .maxIdleTime(Duration.ofSeconds(30))
                .build();
        this.client = HttpClient.create(pool);
        this.inFlight = new Semaphore(maxInFlight);
        this.maxBodyBytes = maxBodyBytes;
        this.mismatches = mismatches;
        this.metrics = metrics;
        this.backendHeaders = backendHeaders;
    }

    /**
     * Fires the copy and returns the exchange whose response keeps a copy of legacy's answer. The exchange's request
     * must be a {@link ReplayableRequest}.
     */
    public ServerWebExchange mirror(ServerWebExchange exchange, RoutingDecision decision) {
        String route = decision.routeId();
        if (!inFlight.tryAcquire()) {
            metrics.shadow(route, "dropped");
            return exchange;
        }
        // the copy may still be sending the body after the client had its answer: it holds the body's budget too
        BodyBudget.Reservation reservation =
                exchange.getRequest() instanceof ReplayableRequest replayable ? replayable.reservation() : null;
        if (reservation != null) {
            reservation.retain();
        }
        Sinks.One<CapturedResponse> legacySide = Sinks.one();
        TeeResponse tee = new TeeResponse(exchange.getResponse(), maxBodyBytes, legacySide);
        ServerHttpRequest request = exchange.getRequest();
        String method = request.getMethod().name();
        String path = request.getURI().getRawPath();
        String correlationId = BanyanExchangeUtils.correlationId(exchange);
        Backend service = decision.service();
        Duration timeout = service.target().timeout() == null
                ? DEFAULT_TIMEOUT
                : service.target().timeout();

        Mono<CapturedResponse> serviceSide = call(service, exchange, method).timeout(timeout);
        Mono.zip(legacySide.asMono(), serviceSide)
                .timeout(timeout.plus(DEFAULT_TIMEOUT))
                .doFinally(signal -> {
                    inFlight.release();
                    if (reservation != null) {
                        reservation.release();
                    }
                })
                .subscribe(
                        both -> {
                            Comparison result =
                                    comparator.compare(decision.route().shadow(), both.getT1(), both.getT2());
                            if (result.matches()) {
                                metrics.shadow(route, "match");
                                return;
                            }
                            metrics.shadow(route, "mismatch");
                            mismatches.add(new Mismatch(
                                    Instant.now(),
                                    route,
                                    method,
                                    path,
                                    correlationId,
                                    both.getT1().status(),
                                    both.getT2().status(),
                                    both.getT1().bodyText(),
                                    both.getT2().bodyText(),
                                    result.differences(),
                                    String.join("\n", result.differences())));
                        },
                        error -> {
                            metrics.shadow(route, "error");
                            if (errorLogDue(route)) {
                                log.warn(
                                        "Shadow copy of {} {} for route {} failed: {}. The client had legacy's answer; "
                                                + "further failures of this route in the next {} s are only counted "
                                                + "(banyan_shadow_comparisons_total{result=\"error\"})",
                                        method,
                                        path,
                                        route,
                                        error,
                                        ERROR_LOG_INTERVAL.toSeconds());
                            } else {
                                log.debug(
                                        "Shadow copy of {} {} for route {} failed: {}",
                                        method,
                                        path,
                                        route,
                                        error.toString());
                            }
                        });
        return exchange.mutate().response(tee).build();
    }

    private Mono<CapturedResponse> call(Backend service, ServerWebExchange exchange, String method) {
        ServerHttpRequest request = exchange.getRequest();
        byte[] body = request instanceof ReplayableRequest replayable ? replayable.bodyBytes() : new byte[0];
        String url = service.target().uri()
                + request.getURI().getRawPath()
                + (request.getURI().getRawQuery() == null
                        ? ""
                        : "?" + request.getURI().getRawQuery());
        HttpHeaders copied = backendHeaders.toBackend(exchange);
        NOT_COPIED.forEach(copied::remove);
        copied.set(SHADOW_HEADER, "true");
        return client.headers(headers -> copied.forEach((name, values) -> headers.add(name, values)))
                .request(HttpMethod.valueOf(method))
                .uri(url)
                .send(
                        body.length == 0
                                ? ByteBufFlux.fromString(Mono.empty())
                                : ByteBufFlux.fromInbound(Mono.just(body)))
                .response((response, content) -> content.asByteArray()
                        .reduce(new BoundedBody(maxBodyBytes), BoundedBody::append)
                        .defaultIfEmpty(new BoundedBody(maxBodyBytes))
                        .map(bytes -> {
                            HttpHeaders headers = new HttpHeaders();
                            response.responseHeaders().forEach(e -> headers.add(e.getKey(), e.getValue()));
                            return new CapturedResponse(
                                    response.status().code(), headers, bytes.toByteArray(), bytes.truncated());
                        }))
                .next();
    }

    private boolean errorLogDue(String route) {
        long now = System.nanoTime();
        AtomicLong next = nextErrorLog.computeIfAbsent(route, r -> new AtomicLong(now));
        long due = next.get();
        return now - due >= 0 && next.compareAndSet(due, now + ERROR_LOG_INTERVAL.toNanos());
    }

    public void close() {
        pool.dispose();
    }
}
