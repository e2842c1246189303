package dev.banyan.proxy.edge;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * How long a client may take to send a request, so a slow or stalled client cannot hold a socket (and, on a
 * streamed route, a backend connection) forever.
 *
 * <ul>
 * <li>{@code headerTimeout}: from the first byte of a request to the end of its head (request line and headers).
 * Reactor Netty's idle timeout only measures silence, so a client trickling one header line at a time would
 * otherwise never be cut.</li>
 * <li>{@code bodyTimeout}: from the end of the head to the end of the body (Reactor Netty's request timeout). A cut
 * body also aborts the backend call it was streaming to, which releases that connection.</li>
 * <li>{@code idleTimeout}: silence while waiting for a request, also between keep-alive requests. On the public port
 * it is Spring Boot's {@code server.netty.idle-timeout}; the admin server takes it from here.</li>
 * </ul>
 */
public final class ClientTimeouts implements NettyServerCustomizer {

    private static final Logger log = LoggerFactory.getLogger(ClientTimeouts.class);

    private final Duration headerTimeout;

    private final Duration bodyTimeout;

    private final Duration idleTimeout;

    /**
     * @param idleTimeout {@code null} to leave the server's own setting (on the public port, Boot sets it)
     */
    public ClientTimeouts(Duration headerTimeout, Duration bodyTimeout, Duration idleTimeout) {
        this.headerTimeout = headerTimeout;
        this.bodyTimeout = bodyTimeout;
        this.idleTimeout = idleTimeout;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        HttpServer configured = server.requestTimeout(bodyTimeout);
        if (idleTimeout != null) {
            configured = configured.idleTimeout(idleTimeout);
        }
        long headerNanos = headerTimeout.toNanos();
        return configured.doOnChannelInit((observer, channel, remote) -> {
            // HTTP/1.1 only: an HTTP/2 stream's head arrives in one frame, which the codec bounds in size.
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline()
                        .addAfter(
                                NettyPipeline.HttpCodec,
                                "banyan.requestHeadTimeout",
                                new RequestHeadTimeout(headerNanos));
            }
        });
    }

    /**
     * Sits right after the HTTP codec, which passes on every read's completion even when it has not decoded a whole
     * request head yet. A read while no request is open starts the clock; a decoded head stops it; the end of the
     * response reopens the wait. Counting open requests keeps pipelined requests right.
     */
    static final class RequestHeadTimeout extends ChannelDuplexHandler {

        private final long timeoutNanos;

        private int openRequests;

        private @Nullable ScheduledFuture<?> timer;

        RequestHeadTimeout(long timeoutNanos) {
            this.timeoutNanos = timeoutNanos;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest) {
                openRequests++;
                cancel();
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            if (openRequests == 0 && timer == null) {
                timer = ctx.executor()
                        .schedule(
                                () -> {
                                    log.debug(
                                            "Closing {}: request head not complete within {} ms",
                                            ctx.channel(),
                                            TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
                                    ctx.close();
                                },
                                timeoutNanos,
                                TimeUnit.NANOSECONDS);
            }
            ctx.fireChannelReadComplete();
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            // 100 Continue and 101 Switching Protocols do not end the request
            boolean informational = msg instanceof HttpResponse response
                    && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
            if (msg instanceof LastHttpContent && !informational && openRequests > 0) {
                openRequests--;
            }
            ctx.write(msg, promise);
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            cancel();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            cancel();
            ctx.fireChannelInactive();
        }

        private void cancel() {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }
    }
}
