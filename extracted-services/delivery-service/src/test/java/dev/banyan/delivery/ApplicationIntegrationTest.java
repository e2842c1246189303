package dev.banyan.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.banyan.events.EventSchemas;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * The real application on a throw-away embedded PostgreSQL and the module's one Kafka broker ({@link TestKafka}).
 * Every subclass has the same configuration, so they all share one application context (one database, one
 * consumer in group {@code delivery-service}); each test uses order ids of its own.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"banyan.embedded-db.ephemeral=true", "banyan.embedded-db.port=0"})
abstract class ApplicationIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final EventSchemas SCHEMAS = EventSchemas.load();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        TestKafka.register(registry);
    }

    record Response(int status, String contentType, String allow, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** Publishes a valid OrderAccepted v1 of a new order handled by {@code handler}; returns the event id. */
    static UUID publishAccepted(UUID orderId, String handler) {
        UUID eventId = UUID.randomUUID();
        publishAccepted(eventId, orderId, handler);
        return eventId;
    }

    static void publishAccepted(UUID eventId, UUID orderId, String handler) {
        TestKafka.publish(
                orderId.toString(), """
                {"orderId":"%s","restaurantId":"1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b",
                 "pickupAddress":"서울특별시 강남구 테헤란로 152","dropOffAddress":"서울특별시 마포구 월드컵북로 396, 1203호",
                 "acceptedAt":"2026-06-01T02:15:30.123456Z"}""".formatted(orderId), TestKafka.headers(eventId, "OrderAccepted", handler));
    }

    static void publishCancellationRequested(UUID orderId, String handler) {
        TestKafka.publish(
                orderId.toString(),
                """
                {"orderId":"%s","requestedAt":"2026-06-01T02:17:02.5Z"}""".formatted(orderId),
                TestKafka.headers(UUID.randomUUID(), "OrderCancellationRequested", handler));
    }

    String status(UUID orderId) {
        return jdbc.sql("select status from delivery where order_id = :order")
                .param("order", orderId)
                .query(String.class)
                .optional()
                .orElse("NONE");
    }

    void awaitStatus(UUID orderId, String status) {
        await("delivery of order " + orderId + " " + status)
                .atMost(Duration.ofSeconds(30))
                .until(() -> status(orderId).equals(status));
    }

    /** The types of the order's outbox rows, oldest first. */
    List<String> outboxTypes(UUID orderId) {
        return jdbc.sql("select type from outbox where aggregateid = :order order by occurred_at, type")
                .param("order", orderId.toString())
                .query(String.class)
                .list();
    }

    /** The order's outbox rows: every column the cdc-bridge's outbox router reads. */
    List<Map<String, Object>> outboxRows(UUID orderId) {
        return jdbc.sql("select id, aggregatetype, aggregateid, type, version, handler, payload::text as payload, "
                        + "occurred_at from outbox where aggregateid = :order order by occurred_at, type")
                .param("order", orderId.toString())
                .query()
                .listOfRows();
    }

    Response get(String path) {
        return send("GET", path);
    }

    Response post(String path) {
        return send("POST", path);
    }

    Response send(String method, String path) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .method(method, HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Allow").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
