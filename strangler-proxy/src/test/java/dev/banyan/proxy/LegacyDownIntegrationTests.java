package dev.banyan.proxy;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** When legacy itself cannot be reached, the client gets a problem response that says so, not a bare error. */
class LegacyDownIntegrationTests {

    @TempDir
    static Path dir;

    static ProxyTestSupport proxy;

    @BeforeAll
    static void start() {
        proxy = ProxyTestSupport.start(
                dir, """
                legacy: {uri: "http://127.0.0.1:%d", connect-timeout: 500ms}
                services:
                  catalog: {uri: "http://127.0.0.1:%d", connect-timeout: 500ms}
                routes:
                  - {id: catalog, service: catalog, paths: [/api/restaurants/**], stage: MIGRATED, fallback-to-legacy: true}
                """.formatted(ProxyTestSupport.closedPort(), ProxyTestSupport.closedPort()));
    }

    @AfterAll
    static void stop() {
        proxy.close();
    }

    @Test
    void unreachableLegacyGetsABadGatewayProblemNamingIt() {
        HttpResponse<String> response = proxy.get("/api/orders/1");
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("X-Banyan-Backend")).hasValue("legacy");
        assertThat(response.body()).contains("Backend 'legacy' could not be reached");
    }

    @Test
    void whenTheServiceAndThenLegacyFailTheProblemNamesLegacy() {
        HttpResponse<String> response = proxy.get("/api/restaurants/1");
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("X-Banyan-Backend")).hasValue("legacy");
        assertThat(response.body()).contains("Backend 'legacy' could not be reached");
        assertThat(proxy.get("/actuator/prometheus").body())
                .contains(
                        "banyan_proxy_fallbacks_total{reason=\"connect-failed\",route=\"catalog\",service=\"catalog\"}");
    }
}
