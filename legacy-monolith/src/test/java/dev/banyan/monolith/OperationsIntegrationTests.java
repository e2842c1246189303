package dev.banyan.monolith;

import java.time.Duration;
import java.util.List;

import dev.banyan.monolith.HttpTestClient.Response;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Actuator endpoints, the per-context schemas and the event publication registry. */
class OperationsIntegrationTests extends MonolithIntegrationTest {

    @Test
    void exposesHealthAndPrometheusMetrics() {
        http().get("/api/categories");

        Response health = http().get("/actuator/health");
        Response metrics = http().get("/actuator/prometheus");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("http_server_requests_seconds_count")
                .contains("hikaricp_connections");
    }

    @Test
    void migratesOneSchemaPerBoundedContextWithItsOwnHistory() {
        for (String schema : List.of("catalog", "customer", "ordering", "payment", "delivery")) {
            assertThat(jdbc.sql("select count(*) from " + schema + ".flyway_schema_history where success")
                            .query(Long.class)
                            .single())
                    .as(schema)
                    .isPositive();
        }
        assertThat(jdbc.sql("show wal_level").query(String.class).single()).isEqualTo("logical");
    }

    @Test
    void everyTableHasAPrimaryKey() {
        List<String> withoutKey = jdbc.sql("""
                select t.table_schema || '.' || t.table_name from information_schema.tables t
                where t.table_schema in ('catalog', 'customer', 'ordering', 'payment', 'delivery', 'public')
                  and t.table_type = 'BASE TABLE'
                  and not exists (select 1 from information_schema.table_constraints c
                                  where c.table_schema = t.table_schema and c.table_name = t.table_name
                                    and c.constraint_type = 'PRIMARY KEY')""").query(String.class).list();

        assertThat(withoutKey).isEmpty();
        assertThat(jdbc.sql("select count(*) from information_schema.tables where table_schema in "
                                + "('catalog', 'customer', 'ordering', 'payment', 'delivery')")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(15);
    }

    @Test
    void completesEveryEventPublication() {
        Fixtures fixtures = new Fixtures(http());
        String restaurant = fixtures.restaurant("마라탕 연구소");
        String item = fixtures.menuItem(restaurant, "마라탕", 12000);
        String orderId = http().post("/api/orders", Fixtures.order(fixtures.customer("정도윤"), restaurant, item, 1))
                .text("id");
        http().postEmpty("/api/orders/" + orderId + "/accept");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> http().get("/api/deliveries/" + orderId).status() == 200);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from public.event_publication where completion_date is null")
                                .query(Long.class)
                                .single()
                        == 0);
    }
}
