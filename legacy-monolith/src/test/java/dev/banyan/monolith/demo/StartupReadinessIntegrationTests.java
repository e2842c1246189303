package dev.banyan.monolith.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.banyan.monolith.MonolithApplication;
import dev.banyan.monolith.catalog.CatalogImport;
import dev.banyan.monolith.catalog.RestaurantId;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the monolith with the demo data switched on and holds the catalog import until the test lets it go: while
 * the data is loading the monolith must not look ready, nor serve an empty catalog.
 */
class StartupReadinessIntegrationTests {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    final CountDownLatch loaderMayContinue = new CountDownLatch(1);
    final CompletableFuture<Integer> port = new CompletableFuture<>();
    CompletableFuture<ConfigurableApplicationContext> application;

    @AfterEach
    void stop() {
        loaderMayContinue.countDown();
        application.join().close();
    }

    @Test
    void refusesTrafficUntilTheDemoDataIsLoaded() throws Exception {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(MonolithApplication.class)
                .initializers(context -> context.getBeanFactory().addBeanPostProcessor(slowCatalogImport()))
                .listeners(new ApplicationListener<WebServerInitializedEvent>() {
                    @Override
                    public void onApplicationEvent(WebServerInitializedEvent event) {
                        port.complete(event.getWebServer().getPort());
                    }
                });
        application = CompletableFuture.supplyAsync(() -> builder.run(
                "--server.port=0",
                "--banyan.embedded-db.ephemeral=true",
                "--banyan.embedded-db.port=0",
                "--banyan.demo.orders=5"));
        int httpPort = port.get(90, TimeUnit.SECONDS);

        HttpResponse<String> readiness = get(httpPort, "/actuator/health/readiness");
        HttpResponse<String> health = get(httpPort, "/actuator/health");
        HttpResponse<String> liveness = get(httpPort, "/actuator/health/liveness");
        HttpResponse<String> restaurants = get(httpPort, "/api/restaurants");

        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(503);
        assertThat(readiness.body()).contains("OUT_OF_SERVICE");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
        assertThat(liveness.statusCode()).as(liveness.body()).isEqualTo(200);
        assertThat(restaurants.statusCode()).as(restaurants.body()).isEqualTo(503);
        assertThat(restaurants.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(restaurants.headers().firstValue("Retry-After")).isPresent();
        assertThat(restaurants.body()).contains("/actuator/health/readiness");
        assertThat(application).isNotDone();

        loaderMayContinue.countDown();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> get(httpPort, "/actuator/health/readiness").statusCode() == 200);
        HttpResponse<String> loaded = get(httpPort, "/api/restaurants?size=1");
        assertThat(loaded.statusCode()).isEqualTo(200);
        assertThat(loaded.body()).contains("\"totalElements\":240");
        assertThat(get(httpPort, "/actuator/health").statusCode()).isEqualTo(200);
    }

    /** Delays the demo catalog import until {@link #loaderMayContinue} opens. */
    BeanPostProcessor slowCatalogImport() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof CatalogImport real)) {
                    return bean;
                }
                return new CatalogImport() {
                    @Override
                    public int importRestaurants(List<ImportedRestaurant> restaurants) {
                        try {
                            if (!loaderMayContinue.await(2, TimeUnit.MINUTES)) {
                                throw new IllegalStateException("the test never released the demo loader");
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException(e);
                        }
                        return real.importRestaurants(restaurants);
                    }

                    @Override
                    public boolean restaurantExists(RestaurantId id) {
                        return real.restaurantExists(id);
                    }
                };
            }
        };
    }

    static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
