package dev.banyan.proxy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.banyan.proxy.admin.AdminServer;
import dev.banyan.proxy.config.Stage;
import dev.banyan.proxy.reload.RoutesManager;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Hot reload under concurrent traffic: valid changes apply within 2 s, invalid ones are rejected whole, no request fails. */
class ReloadIntegrationTests {

    static final WireMockServer legacy = new WireMockServer(options().dynamicPort());

    static final WireMockServer service = new WireMockServer(options().dynamicPort());

    @TempDir
    static Path dir;

    static ProxyTestSupport proxy;

    static String routes(String stage) {
        return """
                legacy: {uri: "http://127.0.0.1:%d"}
                services:
                  catalog: {uri: "http://127.0.0.1:%d"}
                routes:
                  - id: catalog-reads
                    service: catalog
                    paths: [/api/restaurants/**]
                    stage: %s
                    percent: 50
                """.formatted(legacy.port(), service.port(), stage);
    }

    @BeforeAll
    static void start() {
        legacy.start();
        service.start();
        // A little latency keeps requests in flight while the configuration changes under them.
        legacy.stubFor(any(anyUrl()).willReturn(aResponse().withFixedDelay(20).withBody("legacy")));
        service.stubFor(any(anyUrl()).willReturn(aResponse().withFixedDelay(20).withBody("service")));
        proxy = ProxyTestSupport.start(dir, routes("LEGACY"), "--banyan.admin.token=t0ken");
    }

    @AfterAll
    static void stop() {
        proxy.close();
        legacy.stop();
        service.stop();
    }

    private static double reloads(String result) {
        var counter = proxy.context
                .getBean(MeterRegistry.class)
                .find("banyan.routes.reloads")
                .tag("result", result)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void validAndInvalidChangesUnderConcurrentTrafficFailNoRequest() throws Exception {
        RoutesManager manager = proxy.routes();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> backends = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            int thread = t;
            clients.add(pool.submit(() -> {
                int i = 0;
                while (running.get()) {
                    String path = (i++ % 3 == 0) ? "/api/orders/" + i : "/api/restaurants/" + thread + "-" + i;
                    try {
                        HttpResponse<String> r = proxy.send(HttpRequest.newBuilder(URI.create(proxy.url(path)))
                                .timeout(Duration.ofSeconds(5))
                                .build());
                        sent.incrementAndGet();
                        if (r.statusCode() != 200) {
                            failures.merge(r.statusCode() + " " + r.body(), 1, Integer::sum);
                        }
                        backends.computeIfAbsent(r.body(), k -> new AtomicInteger())
                                .incrementAndGet();
                    } catch (RuntimeException e) {
                        failures.merge(e.toString(), 1, Integer::sum);
                    }
                }
            }));
        }
        try {
            await().until(() -> sent.get() > 100);

            // a valid change takes effect within 2 seconds
            proxy.write(routes("MIGRATED"));
            await().atMost(Duration.ofSeconds(2))
                    .until(() -> manager.current()
                                    .config()
                                    .route("catalog-reads")
                                    .orElseThrow()
                                    .stage()
                            == Stage.MIGRATED);
            int servedBefore =
                    backends.getOrDefault("service", new AtomicInteger()).get();
            await().until(() ->
                    backends.getOrDefault("service", new AtomicInteger()).get() > servedBefore + 50);

            // invalid changes are rejected as a whole; the last good configuration keeps serving
            long version = manager.current().version();
            double rejectedBefore = reloads("rejected");
            proxy.write(routes("MIGRATED")
                    .replace("percent: 50", "percent: 250")
                    .replace("stage: MIGRATED", "stage: LEGACY"));
            await().atMost(Duration.ofSeconds(2)).until(() -> reloads("rejected") == rejectedBefore + 1);
            assertThat(manager.lastError().problems()).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo("routes[0].percent");
                assertThat(p.line()).isEqualTo(9);
                assertThat(p.reason()).contains("between 0 and 100");
            });
            HttpResponse<String> status = proxy.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + proxy.context.getBean(AdminServer.class).port() + "/admin/routes"))
                    .header("Authorization", "Bearer t0ken")
                    .build());
            assertThat(status.body())
                    .contains("\"lastReloadError\":{")
                    .contains("routes[0].percent")
                    .contains("must be between 0 and 100 (was 250)");
            proxy.write("routes: [ {id: broken\n");
            await().atMost(Duration.ofSeconds(2)).until(() -> reloads("rejected") == rejectedBefore + 2);
            assertThat(manager.current().version()).isEqualTo(version);
            assertThat(proxy.get("/api/restaurants/x").body()).isEqualTo("service");

            // and a valid file again is picked up
            proxy.write(routes("LEGACY"));
            await().atMost(Duration.ofSeconds(2)).until(() -> manager.current().version() > version);
            assertThat(manager.lastError()).isNull();
            int legacyBefore =
                    backends.getOrDefault("legacy", new AtomicInteger()).get();
            await().until(() ->
                    backends.getOrDefault("legacy", new AtomicInteger()).get() > legacyBefore + 50);
        } finally {
            running.set(false);
            for (Future<?> client : clients) {
                client.get(10, TimeUnit.SECONDS);
            }
            pool.shutdown();
        }
        assertThat(failures).as("failed requests during reloads").isEmpty();
        assertThat(sent.get()).isGreaterThan(300);
    }
}
