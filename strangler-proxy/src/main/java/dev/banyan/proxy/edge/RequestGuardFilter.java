package dev.banyan.proxy.edge;

import java.util.UUID;
import java.util.regex.Pattern;

import dev.banyan.proxy.exchange.BanyanExchangeUtils;
import dev.banyan.proxy.exchange.ProblemResponses;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * First thing every request meets: path normalisation, the body size limit and the correlation id. Runs before
 * Spring Cloud Gateway picks a route, so routing only ever sees the normalised path.
 */
public class RequestGuardFilter implements WebFilter, Ordered {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    private final long maxBodyBytes;

    private final String correlationHeader;

    public RequestGuardFilter(long maxBodyBytes, String correlationHeader) {
        this.maxBodyBytes = maxBodyBytes;
        this.correlationHeader = correlationHeader;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String rawPath = request.getURI().getRawPath();
        String path;
        try {
            path = PathNormalizer.normalize(rawPath);
        } catch (PathNormalizer.RejectedPathException e) {
            return ProblemResponses.write(
                    exchange.getResponse(), HttpStatus.BAD_REQUEST, "Rejected path: " + e.getMessage());
        }
        long length = request.getHeaders().getContentLength();
        if (length > maxBodyBytes) {
            return ProblemResponses.write(
                    exchange.getResponse(),
                    HttpStatus.CONTENT_TOO_LARGE,
                    "Request body of " + length + " bytes exceeds the limit of " + maxBodyBytes + " bytes");
        }
        String correlationId = request.getHeaders().getFirst(correlationHeader);
        boolean keepId = correlationId != null && SAFE_ID.matcher(correlationId).matches();
        String id = keepId ? correlationId : newId();
        exchange.getAttributes().put(BanyanExchangeUtils.CORRELATION_ID_ATTR, id);
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            response.getHeaders().set(correlationHeader, id);
            return Mono.empty();
        });

        // The id reaches the backends through BackendHeaders, so the request itself is only rebuilt when needed.
        boolean streamedBody = length < 0 && request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING);
        if (path.equals(rawPath) && !streamedBody) {
            return chain.filter(exchange);
        }
        ServerHttpRequest mutated =
                path.equals(rawPath) ? request : request.mutate().path(path).build();
        if (streamedBody) {
            mutated = new LimitedBodyRequest(mutated, maxBodyBytes);
        }
        return chain.filter(exchange.mutate().request(mutated).build());
    }

    /**
     * A random (version 4 layout) UUID from the thread's own generator: correlation ids need to be unique, not
     * unguessable, and {@link UUID#randomUUID()} serialises every request on the shared secure random.
     */
    static String newId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** Counts a body sent without Content-Length and fails it once it passes the limit. */
    static final class LimitedBodyRequest extends ServerHttpRequestDecorator {

        private final long limit;

        LimitedBodyRequest(ServerHttpRequest delegate, long limit) {
            super(delegate);
            this.limit = limit;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            long[] seen = {0};
            return super.getBody().handle((buffer, sink) -> {
                seen[0] += buffer.readableByteCount();
                if (seen[0] > limit) {
                    org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
                    sink.error(new ResponseStatusException(
                            HttpStatus.CONTENT_TOO_LARGE, "Request body exceeds the limit of " + limit + " bytes"));
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
