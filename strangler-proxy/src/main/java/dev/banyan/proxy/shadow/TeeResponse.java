package dev.banyan.proxy.shadow;

import java.nio.ByteBuffer;

import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Passes legacy's answer to the client untouched while keeping a bounded copy of it for the shadow comparison. The
 * copy is read from the buffers in place; nothing waits for the comparison.
 */
final class TeeResponse extends ServerHttpResponseDecorator {

    private final BoundedBody copy;

    private final Sinks.One<CapturedResponse> captured;

    TeeResponse(ServerHttpResponse delegate, int limit, Sinks.One<CapturedResponse> captured) {
        super(delegate);
        this.copy = new BoundedBody(limit);
        this.captured = captured;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
        return super.writeWith(tee(Flux.from(body))
                .doOnComplete(this::done)
                .doOnError(this::failed)
                .doOnCancel(this::cancelled));
    }

    @Override
    public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
        return super.writeAndFlushWith(Flux.from(body)
                .map(inner -> tee(Flux.from(inner)))
                .doOnComplete(this::done)
                .doOnError(this::failed)
                .doOnCancel(this::cancelled));
    }

    @Override
    public Mono<Void> setComplete() {
        return super.setComplete().doOnSuccess(v -> done());
    }

    private Flux<? extends DataBuffer> tee(Flux<? extends DataBuffer> body) {
        return body.doOnNext(buffer -> {
            try (DataBuffer.ByteBufferIterator it = buffer.readableByteBuffers()) {
                while (it.hasNext()) {
                    ByteBuffer bb = it.next();
                    copy.append(bb);
                }
            }
        });
    }

    private void done() {
        HttpStatusCode status = getStatusCode();
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(getHeaders());
        captured.tryEmitValue(new CapturedResponse(
                status == null ? 200 : status.value(), headers, copy.toByteArray(), copy.truncated()));
    }

    private void failed(Throwable error) {
        captured.tryEmitError(error);
    }

    private void cancelled() {
        captured.tryEmitError(new IllegalStateException("the client went away before legacy finished answering"));
    }
}
