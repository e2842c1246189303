package dev.banyan.monolith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the whole monolith twice on the same embedded-database directory: the demo data is loaded on the first
 * start only, data written over HTTP survives the restart, and a larger {@code banyan.demo.orders} tops the
 * historical orders up.
 */
class RestartIntegrationTests {

    static Path dataDir;

    @BeforeAll
    static void directory() throws IOException {
        dataDir = Files.createTempDirectory("banyan-monolith-restart-");
    }

    @AfterAll
    static void cleanUp() throws IOException {
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    static ConfigurableApplicationContext start(int orders) {
        return new SpringApplicationBuilder(MonolithApplication.class)
                .run(
                        "--server.port=0",
                        "--banyan.embedded-db.port=0",
                        "--banyan.embedded-db.data-dir=" + dataDir,
                        "--banyan.demo.orders=" + orders);
    }

    static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void keepsAllDataAcrossARestartAndSeedsOnlyOnce() {
        String restaurantId;
        String before;
        try (ConfigurableApplicationContext first = start(50)) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(count(jdbc, "catalog.restaurant")).isEqualTo(240);
            assertThat(count(jdbc, "catalog.menu_item")).isEqualTo(3600);
            assertThat(count(jdbc, "customer.customer")).isEqualTo(1200);
            assertThat(count(jdbc, "ordering.customer_order")).isEqualTo(50);
            assertThat(count(jdbc, "payment.payment")).isEqualTo(50);
            assertThat(count(jdbc, "delivery.delivery")).isEqualTo(50);

            HttpTestClient http = new HttpTestClient(
                    ((WebServerApplicationContext) first).getWebServer().getPort());
            restaurantId = http.post("/api/restaurants", """
                    {"name":"재시작 테스트 식당","category":"korean","address":"서울특별시 중구 세종대로 110",
                     "minimumOrderAmount":0,"deliveryFee":0}""").text("id");
            http.post("/api/restaurants/" + restaurantId + "/menu-items", "{\"name\":\"설렁탕\",\"price\":11000}");
            before = http.get("/api/restaurants/" + restaurantId).body();
            HttpTestClient.Response routes = http.send(
                    "PUT",
                    "/internal/event-routes/delivery",
                    "{\"stage\":\"MIGRATED\"}",
                    Map.of("Authorization", "Bearer anything"));
            assertThat(routes.status())
                    .as("started without banyan.event-routes.token, the event routes cannot be switched")
                    .isEqualTo(403);
            assertThat(routes.text("detail")).startsWith("event routes are not configured");
            jdbc.sql("update catalog.restaurant set name = '이름 바뀐 식당' where id = ?")
                    .param(DemoUuid.restaurant0())
                    .update();
        }

        try (ConfigurableApplicationContext second = start(80)) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            HttpTestClient http = new HttpTestClient(
                    ((WebServerApplicationContext) second).getWebServer().getPort());
            assertThat(http.get("/api/restaurants/" + restaurantId).body()).isEqualTo(before);
            assertThat(count(jdbc, "catalog.restaurant")).isEqualTo(241);
            assertThat(jdbc.sql("select name from catalog.restaurant where id = ?")
                            .param(DemoUuid.restaurant0())
                            .query(String.class)
                            .single())
                    .as("the seed must not overwrite existing rows")
                    .isEqualTo("이름 바뀐 식당");
            assertThat(count(jdbc, "ordering.customer_order")).isEqualTo(80);
            assertThat(count(jdbc, "delivery.delivery")).isEqualTo(80);
            assertThat(count(jdbc, "customer.customer")).isEqualTo(1200);
        }
    }

    static final class DemoUuid {
        static java.util.UUID restaurant0() {
            return java.util.UUID.nameUUIDFromBytes(
                    "banyan-demo:restaurant:0".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
