package dev.banyan.monolith;

import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base of the HTTP integration tests. All subclasses share one Spring context (and so one ephemeral embedded
 * PostgreSQL on a free port) for the whole suite; the demo seed is off so tests see only their own data.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "banyan.embedded-db.ephemeral=true",
            "banyan.embedded-db.port=0",
            "banyan.demo.enabled=false",
            "banyan.payment.settlement.retry-every=200ms",
            "banyan.payment.settlement.grace=0s",
            "banyan.event-routes.token=" + MonolithIntegrationTest.EVENT_ROUTES_TOKEN
        })
public abstract class MonolithIntegrationTest {

    /** The bearer token of {@code /internal/event-routes/**} in the tests. */
    protected static final String EVENT_ROUTES_TOKEN = "test-event-routes-token";

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected HttpTestClient http() {
        return new HttpTestClient(port);
    }

    /** Moves the event route {@code delivery} to {@code stage} through its admin API. */
    protected void switchDeliveryEventsTo(String stage) {
        HttpTestClient.Response response = http().send(
                        "PUT",
                        "/internal/event-routes/delivery",
                        "{\"stage\":\"" + stage + "\"}",
                        Map.of("Authorization", "Bearer " + EVENT_ROUTES_TOKEN));
        if (response.status() != 200) {
            throw new IllegalStateException(response.body());
        }
    }
}
