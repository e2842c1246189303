package dev.banyan.proxy.forwarding;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.banyan.proxy.exchange.BanyanExchangeUtils;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.headers.TrustedProxies;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/** What a backend is sent, and what comes back from it, header by header. */
class BackendHeadersTests {

    private final BackendHeaders untrusting = new BackendHeaders(BackendHeaders.noTrustedProxies(), "X-Correlation-Id");

    @Test
    void hopByHopHeadersAndThoseNamedInConnectionAreDroppedOthersKept() {
        HttpHeaders sent = untrusting.toBackend(exchange(MockServerHttpRequest.get("http://shop.example/api/orders/1")
                .header("Connection", "close, X-Internal-Secret")
                .header("X-Internal-Secret", "s3cret")
                .header("Keep-Alive", "timeout=5")
                .header("Proxy-Connection", "keep-alive")
                .header("Proxy-Authorization", "Basic Zm9vOmJhcg==")
                .header("TE", "trailers")
                .header("Upgrade", "h2c")
                .header("Trailer", "Expires")
                .header("Authorization", "Bearer customer-token")
                .header("X-Kept", "yes", "twice")));

        assertThat(sent.headerNames())
                .doesNotContain(
                        "Connection",
                        "X-Internal-Secret",
                        "Keep-Alive",
                        "Proxy-Connection",
                        "Proxy-Authorization",
                        "TE",
                        "Upgrade",
                        "Trailer");
        assertThat(sent.get("X-Kept")).containsExactly("yes", "twice");
        assertThat(sent.getFirst("Authorization")).isEqualTo("Bearer customer-token");
    }

    @Test
    void aClientCannotPassItsRequestOffAsAShadowCopy() {
        HttpHeaders sent = untrusting.toBackend(exchange(
                MockServerHttpRequest.post("http://shop.example/api/orders").header("x-banyan-shadow", "true")));

        assertThat(sent.containsHeader("X-Banyan-Shadow")).isFalse();
    }

    @Test
    void forwardedHeadersFromAnUntrustedClientAreReplacedByThisHop() {
        HttpHeaders sent = untrusting.toBackend(exchange(MockServerHttpRequest.get("http://shop.example:8080/api/x")
                .header("X-Forwarded-For", "6.6.6.6")
                .header("x-forwarded-host", "evil.example")
                .header("X-Forwarded-Prefix", "/admin")
                .header("Forwarded", "for=6.6.6.6;host=evil.example")));

        assertThat(sent.get("X-Forwarded-For")).containsExactly("203.0.113.7");
        assertThat(sent.get("X-Forwarded-Host")).containsExactly("shop.example:8080");
        assertThat(sent.get("X-Forwarded-Proto")).containsExactly("http");
        assertThat(sent.get("X-Forwarded-Port")).containsExactly("8080");
        assertThat(sent.containsHeader("X-Forwarded-Prefix")).isFalse();
        assertThat(sent.get("Forwarded"))
                .containsExactly("proto=http;host=\"shop.example:8080\";for=\"203.0.113.7:51234\"");
    }

    @Test
    void aTrustedProxysForwardedHeadersAreKeptAndThisHopAppended() {
        BackendHeaders trusting = new BackendHeaders(TrustedProxies.from("203\\.0\\.113\\.\\d+"), "X-Correlation-Id");
        HttpHeaders sent = trusting.toBackend(exchange(MockServerHttpRequest.get("https://shop.example/api/x")
                .header("X-Forwarded-For", "198.51.100.1")
                .header("Forwarded", "for=198.51.100.1")));

        assertThat(sent.get("X-Forwarded-For")).containsExactly("198.51.100.1, 203.0.113.7");
        assertThat(sent.get("X-Forwarded-Port")).containsExactly("443");
        assertThat(sent.get("X-Forwarded-Host")).containsExactly("shop.example");
        assertThat(sent.get("Forwarded"))
                .containsExactly("for=198.51.100.1, proto=https;host=\"shop.example\";for=\"203.0.113.7:51234\"");
    }

    @Test
    void anIpv6ClientIsBracketedInForwarded() {
        HttpHeaders sent =
                untrusting.toBackend(MockServerWebExchange.from(MockServerHttpRequest.get("http://shop.example/api/x")
                        .remoteAddress(new InetSocketAddress("2001:db8::7", 40000))));

        assertThat(sent.get("X-Forwarded-For")).containsExactly("2001:db8:0:0:0:0:0:7");
        assertThat(sent.getFirst("Forwarded")).endsWith(";for=\"[2001:db8:0:0:0:0:0:7]:40000\"");
    }

    @Test
    void contentLengthNextToTransferEncodingIsDropped() {
        HttpHeaders sent = untrusting.toBackend(exchange(MockServerHttpRequest.post("http://shop.example/api/orders")
                .header("Content-Length", "4")
                .header("Transfer-Encoding", "chunked")));

        assertThat(sent.containsHeader("Content-Length")).isFalse();
        assertThat(sent.containsHeader("Transfer-Encoding")).isFalse();

        HttpHeaders plain = untrusting.toBackend(exchange(
                MockServerHttpRequest.post("http://shop.example/api/orders").header("Content-Length", "4")));
        assertThat(plain.getFirst("Content-Length")).isEqualTo("4");
    }

    @Test
    void theExchangesCorrelationIdReplacesWhateverTheClientSent() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("http://shop.example/api/x")
                .header("x-correlation-id", "bad id with spaces"));
        exchange.getAttributes().put(BanyanExchangeUtils.CORRELATION_ID_ATTR, "0b6c1f4e-4a51-4d1c-9a36-7f3f0e1d2c3b");

        HttpHeaders sent = untrusting.toBackend(exchange);

        assertThat(sent.get("X-Correlation-Id")).containsExactly("0b6c1f4e-4a51-4d1c-9a36-7f3f0e1d2c3b");
    }

    @Test
    void aHeaderSentUnderTwoSpellingsIsPassedOnOnceWithAllItsValues() {
        HttpHeaders sent = untrusting.toBackend(exchange(MockServerHttpRequest.get("http://shop.example/api/x")
                .header("Accept-Language", "ko-KR")
                .header("accept-language", "en")));

        assertThat(sent.get("Accept-Language")).containsExactly("ko-KR", "en");
        // iterating (as the gateway does into Netty's headers) meets every name once, with all its values
        Map<String, List<String>> seen = new LinkedHashMap<>();
        sent.forEach(seen::put);
        assertThat(seen.keySet().stream().filter("accept-language"::equalsIgnoreCase))
                .hasSize(1);
        assertThat(seen.get("Accept-Language")).containsExactly("ko-KR", "en");
        assertThat(seen.keySet()).containsAll(sent.headerNames());
        HttpHeaders copy = new HttpHeaders();
        copy.addAll(sent);
        assertThat(copy.get("accept-language")).containsExactly("ko-KR", "en");
        assertThat(copy.headerNames()).hasSameSizeAs(sent.headerNames());
    }

    @Test
    void aBackendsHopByHopHeadersDoNotReachTheClient() {
        HttpHeaders answer = new HttpHeaders();
        answer.add("Content-Type", "application/json");
        answer.add("Connection", "keep-alive, X-Backend-Debug");
        answer.add("X-Backend-Debug", "node-3");
        answer.add("Keep-Alive", "timeout=60");
        answer.add("Set-Cookie", "a=1");
        answer.add("Set-Cookie", "b=2");

        HttpHeaders passed = untrusting.fromBackend(answer);

        assertThat(passed.headerNames()).containsExactlyInAnyOrder("Content-Type", "Set-Cookie");
        assertThat(passed.get("Set-Cookie")).containsExactly("a=1", "b=2");
    }

    private static MockServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request) {
        return MockServerWebExchange.from(request.remoteAddress(new InetSocketAddress("203.0.113.7", 51234)));
    }
}
