package dev.banyan.proxy.fallback;

import dev.banyan.proxy.exchange.BanyanExchangeUtils;

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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A request whose body is held in memory so it can be sent more than once: to the service and then, on failure, to
 * legacy with the very same bytes; or to legacy and to the shadow. Each subscription gets fresh buffers because the
 * HTTP client releases what it sends.
 */
public final class ReplayableRequest extends ServerHttpRequestDecorator {

    private static final byte[] EMPTY = new byte[0];

    private final byte[] body;

    private final DataBufferFactory buffers;

    private final BodyBudget.Reservation reservation;

    private ReplayableRequest(
            ServerHttpRequest delegate, byte[] body, DataBufferFactory buffers, BodyBudget.Reservation reservation) {
        super(delegate);
        this.body = body;
        this.buffers = buffers;
        this.reservation = reservation;
    }

    /**
     * Reads the whole body (at most {@code maxBytes}) and returns an exchange whose request can be replayed.
     * A body over the limit fails with 413. The bytes are taken from the budget before they are held: all of a
     * declared {@code Content-Length} at once (so a refused request is refused before it is read), a streamed body
     * as it arrives; a request the budget cannot hold fails with {@link BodyBudget.ExhaustedException}. The
     * reservation is put on the exchange ({@value BanyanExchangeUtils#BODY_RESERVATION_ATTR}); whoever ends the exchange releases it.
     */
    public static Mono<ServerWebExchange> cache(ServerWebExchange exchange, int maxBytes, BodyBudget budget) {
        ServerHttpRequest request = exchange.getRequest();
        if (request instanceof ReplayableRequest) {
            return Mono.just(exchange);
        }
        DataBufferFactory factory = exchange.getResponse().bufferFactory();
        HttpHeaders headers = request.getHeaders();
        long declared = headers.getContentLength();
        boolean hasBody = declared > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
        if (!hasBody) {
            return Mono.just(exchange.mutate()
                    .request(new ReplayableRequest(request, EMPTY, factory, null))
                    .build());
        }
        return Mono.defer(() -> {
            BodyBudget.Reservation reservation = budget.open();
            exchange.getAttributes().put(BanyanExchangeUtils.BODY_RESERVATION_ATTR, reservation);
            if (declared > 0) {
                reservation.reserveUpTo(Math.min(declared, (long) maxBytes + 1));
            }
            long[] seen = {0};
            Flux<DataBuffer> counted = request.getBody().handle((buffer, sink) -> {
                seen[0] += buffer.readableByteCount();
                try {
                    // one byte past the limit is enough for join to report 413
                    reservation.reserveUpTo(Math.min(seen[0], (long) maxBytes + 1));
                    sink.next(buffer);
                } catch (BodyBudget.ExhaustedException e) {
                    DataBufferUtils.release(buffer);
                    sink.error(e);
                }
            });
            return DataBufferUtils.join(counted, maxBytes)
                    .map(buffer -> {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        DataBufferUtils.release(buffer);
                        return bytes;
                    })
                    .defaultIfEmpty(EMPTY)
                    .onErrorMap(
                            DataBufferLimitException.class,
                            e -> new ResponseStatusException(
                                    HttpStatus.CONTENT_TOO_LARGE,
                                    "Request body exceeds the limit of " + maxBytes + " bytes"))
                    .map(bytes -> exchange.mutate()
                            .request(new ReplayableRequest(request, bytes, factory, reservation))
                            .build());
        });
    }

    /** The budget reservation holding this body, or {@code null} for an empty body. */
    public BodyBudget.Reservation reservation() {
        return reservation;
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
