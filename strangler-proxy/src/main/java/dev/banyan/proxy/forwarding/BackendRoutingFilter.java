package dev.banyan.proxy.forwarding;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.banyan.proxy.exchange.BanyanExchangeUtils;

import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter.Type;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Sends the request to the chosen backend: the gateway's own {@link NettyRoutingFilter} (same client, pool and
 * response handling), with {@link BackendHeaders} as its only header filter, and one HTTP client per pair of
 * timeouts instead of a fresh copy per request. The response timeout is the client's read timeout, which lives on
 * the connection's event loop, rather than a Reactor timer scheduled and cancelled on a shared thread per request.
 *
 * <p>It runs just before the gateway's stock routing filter, which then finds the exchange routed and passes it on.
 * WebSocket upgrades are left to the gateway's WebSocket filter, whose header handling they need.
 */
public class BackendRoutingFilter implements GlobalFilter, Ordered {

    private final NettyRoutingFilter netty;

    public BackendRoutingFilter(HttpClient client, HttpClientProperties properties, BackendHeaders headers) {
        this.netty = new Routing(client, properties, headers);
    }

    @Override
    public int getOrder() {
        return NettyRoutingFilter.ORDER - 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if ("websocket".equalsIgnoreCase(exchange.getRequest().getHeaders().getUpgrade())) {
            return chain.filter(exchange);
        }
        return netty.filter(exchange, chain);
    }

    private static final class Routing extends NettyRoutingFilter {

        private final List<HttpHeadersFilter> headersFilters;

        private record ClientKey(Object connectTimeout, Duration responseTimeout) {}

        private final Map<ClientKey, HttpClient> clients = new ConcurrentHashMap<>();

        Routing(HttpClient client, HttpClientProperties properties, BackendHeaders headers) {
            // no bean lookup: the header filters are fixed below
            super(client, null, properties);
            this.headersFilters = List.of(
                    one(Type.REQUEST, (input, exchange) -> headers.toBackend(exchange)),
                    one(Type.RESPONSE, (input, exchange) -> headers.fromBackend(input)));
        }

        private static HttpHeadersFilter one(Type direction, HttpHeadersFilter filter) {
            return new HttpHeadersFilter() {
                @Override
                public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
                    return filter.filter(input, exchange);
                }

                @Override
                public boolean supports(Type type) {
                    return type == direction;
                }
            };
        }

        @Override
        public List<HttpHeadersFilter> getHeadersFilters() {
            return headersFilters;
        }

        /** The gateway builds a configured copy of its client on every request; one per pair of timeouts will do. */
        @Override
        protected HttpClient getHttpClient(Route route, ServerWebExchange exchange) {
            Map<String, Object> metadata = route.getMetadata();
            ClientKey key = new ClientKey(metadata.get(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR), (Duration)
                    metadata.get(BanyanExchangeUtils.RESPONSE_TIMEOUT_ATTR));
            HttpClient client = clients.get(key);
            if (client == null) {
                HttpClient configured = super.getHttpClient(route, exchange);
                client = clients.computeIfAbsent(
                        key,
                        k -> k.responseTimeout() == null
                                ? configured
                                : configured.responseTimeout(k.responseTimeout()));
            }
            return client;
        }
    }
}
