package dev.banyan.proxy.fallback;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * A request whose body is held in memory so it can be sent more than once: to the service and then, on failure, to
 * legacy with the very same bytes; or to legacy and to the shadow. Each subscription gets fresh buffers because the
 * HTTP client releases what it sends.
 */
public final class ReplayableRequest extends ServerHttpRequestDecorator {

    private static final byte[] EMPTY = new byte[0];

    private final byte[] body;

    private final DataBufferFactory buffers;

    private ReplayableRequest(ServerHttpRequest delegate, byte[] body, DataBufferFactory buffers) {
        super(delegate);
        this.body = body;
        this.buffers = buffers;
    }

    /**
     * Reads the whole body (at most {@code maxBytes}) and returns an exchange whose request can be replayed.
     * A body over the limit fails with 413.
     */
    public static Mono<ServerWebExchange> cache(ServerWebExchange exchange, int maxBytes) {
        ServerHttpRequest request = exchange.getRequest();
        if (request instanceof ReplayableRequest) {
            return Mono.just(exchange);
        }
        DataBufferFactory factory = exchange.getResponse().bufferFactory();
        HttpHeaders headers = request.getHeaders();
        boolean hasBody = headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
        if (!hasBody) {
            return Mono.just(exchange.mutate().request(new ReplayableRequest(request, EMPTY, factory)).build());
        }
        return DataBufferUtils.join(request.getBody(), maxBytes)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(EMPTY)
                .onErrorMap(DataBufferLimitException.class, e -> new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                        "Request body exceeds the limit of " + maxBytes + " bytes"))
                .map(bytes -> exchange.mutate().request(new ReplayableRequest(request, bytes, factory)).build());
    }

    public byte[] bodyBytes() {
        return body;
    }

    @Override
    public Flux<DataBuffer> getBody() {
        if (body.length == 0) {
            return Flux.empty();
        }
        return Flux.defer(() -> Flux.just(buffers.wrap(body)));
    }
}
