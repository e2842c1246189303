package dev.banyan.proxy.forwarding;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.banyan.proxy.exchange.BanyanExchangeUtils;

import org.springframework.cloud.gateway.filter.headers.TrustedProxies;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;

/**
 * The headers that cross the proxy, built in one pass per direction.
 *
 * <p>To a backend: the client's headers without the hop-by-hop ones (RFC 9110 section 7.6.1, plus any the
 * {@code Connection} header names); {@code X-Forwarded-For/-Proto/-Host/-Port} and {@code Forwarded} (RFC 7239) set
 * for this hop, appended to the client's own only when the client is a trusted proxy and replacing them otherwise;
 * {@code Content-Length} dropped when {@code Transfer-Encoding} is also present (a smuggling shape that Netty's
 * decoder already refuses with 400; this is the second line); the client's {@value #SHADOW_HEADER} dropped (only
 * the proxy's shadow copy carries it); and the exchange's correlation id. From a backend: its headers without the
 * hop-by-hop ones.
 *
 * <p>One pass stands in for the gateway's five request header filters, each of which copies every header once more;
 * together they took a quarter of the proxy's CPU at saturation (docs/benchmarks.md).
 */
public final class BackendHeaders {

    private static final Set<String> HOP_BY_HOP = caseInsensitive(
            "Connection",
            "Keep-Alive",
            "Proxy-Connection",
            "Transfer-Encoding",
            "TE",
            "Trailer",
            "Upgrade",
            "Proxy-Authorization",
            "Proxy-Authenticate");

    /**
     * Marks the proxy's own shadow copy. A client's value is dropped, so a backend can trust that a request with it
     * is a copy (and, say, skip side effects) and that one without it is real.
     */
    public static final String SHADOW_HEADER = "X-Banyan-Shadow";

    private static final String X_FORWARDED = "X-Forwarded-";

    private static final String FORWARDED = "Forwarded";

    private final TrustedProxies trustedProxies;

    private final String correlationHeader;

    /**
     * @param trustedProxies which client addresses may pass on forwarded headers of their own
     * @param correlationHeader header that carries the exchange's correlation id to the backend
     */
    public BackendHeaders(TrustedProxies trustedProxies, String correlationHeader) {
        this.trustedProxies = trustedProxies;
        this.correlationHeader = correlationHeader;
    }

    /** Trusts no client: forwarded headers sent by clients are always replaced. */
    public static TrustedProxies noTrustedProxies() {
        return host -> false;
    }

    /** The headers to send to the backend for this exchange's request. */
    public HttpHeaders toBackend(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        MultiValueMap<String, String> in = request.getHeaders().asMultiValueMap();
        InetSocketAddress remote = request.getRemoteAddress();
        boolean trusted = remote != null && trustedProxies.isTrusted(remote.getHostString());
        Set<String> connectionNamed = connectionTokens(in.get(HttpHeaders.CONNECTION));
        boolean transferEncoded = in.containsKey(HttpHeaders.TRANSFER_ENCODING);

        HttpHeaders out = new OnePassHeaders();
        for (Map.Entry<String, List<String>> header : in.entrySet()) {
            String name = header.getKey();
            if (HOP_BY_HOP.contains(name)
                    || connectionNamed.contains(name)
                    || out.containsHeader(name)
                    || transferEncoded && name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)
                    || name.equalsIgnoreCase(correlationHeader)
                    || name.equalsIgnoreCase(SHADOW_HEADER)
                    || !trusted && isForwardedHeader(name)) {
                continue;
            }
            out.put(name, header.getValue());
        }

        URI uri = request.getURI();
        String proto = uri.getScheme() == null ? "http" : uri.getScheme();
        int defaultPort = "https".equals(proto) ? 443 : 80;
        int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort;
        String host = uri.getHost() == null ? null : port == defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
        if (remote != null && remote.getAddress() != null) {
            forward(out, trusted, "X-Forwarded-For", remote.getHostString());
        }
        forward(out, trusted, "X-Forwarded-Proto", proto);
        forward(out, trusted, "X-Forwarded-Port", Integer.toString(port));
        if (host != null) {
            forward(out, trusted, "X-Forwarded-Host", host);
        }
        forward(out, trusted, FORWARDED, forwardedElement(proto, host, remote));

        String correlationId = BanyanExchangeUtils.correlationId(exchange);
        if (correlationId != null) {
            out.set(correlationHeader, correlationId);
        }
        return out;
    }

    /** The headers of a backend's answer that may go on to the client. */
    public HttpHeaders fromBackend(HttpHeaders backend) {
        MultiValueMap<String, String> in = backend.asMultiValueMap();
        Set<String> connectionNamed = connectionTokens(in.get(HttpHeaders.CONNECTION));
        HttpHeaders out = new OnePassHeaders();
        for (Map.Entry<String, List<String>> header : in.entrySet()) {
            String name = header.getKey();
            if (!HOP_BY_HOP.contains(name) && !connectionNamed.contains(name)) {
                out.addAll(name, header.getValue());
            }
        }
        return out;
    }

    private static boolean isForwardedHeader(String name) {
        return name.regionMatches(true, 0, X_FORWARDED, 0, X_FORWARDED.length()) || name.equalsIgnoreCase(FORWARDED);
    }

    /**
     * Sets this hop's value; behind a trusted proxy, appends it to the proxy's as one comma-separated value, the form
     * proxies and frameworks parse. An untrusted client's values were not copied, so there is nothing to append to.
     */
    private static void forward(HttpHeaders headers, boolean trusted, String name, String value) {
        List<String> earlier = trusted ? headers.get(name) : null;
        if (earlier == null || earlier.isEmpty()) {
            headers.set(name, value);
        } else {
            headers.set(name, String.join(", ", earlier) + ", " + value);
        }
    }

    /** One RFC 7239 element: {@code proto=http;host="shop.example";for="203.0.113.7:51234"}. */
    private static String forwardedElement(String proto, String host, InetSocketAddress remote) {
        StringBuilder element = new StringBuilder(64).append("proto=").append(proto);
        if (host != null) {
            element.append(";host=\"").append(host).append('"');
        }
        if (remote != null && remote.getAddress() != null) {
            String address = remote.getHostString();
            element.append(";for=\"")
                    .append(address.indexOf(':') >= 0 ? "[" + address + "]" : address)
                    .append(':')
                    .append(remote.getPort())
                    .append('"');
        }
        return element.toString();
    }

    private static Set<String> connectionTokens(List<String> connection) {
        if (connection == null || connection.isEmpty()) {
            return Set.of();
        }
        Set<String> tokens = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String value : connection) {
            for (String token : value.split(",")) {
                if (!token.isBlank()) {
                    tokens.add(token.trim());
                }
            }
        }
        return tokens;
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return set;
    }
}
