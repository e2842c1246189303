package dev.banyan.monolith;

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
            "banyan.payment.settlement.grace=0s"
        })
public abstract class MonolithIntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected HttpTestClient http() {
        return new HttpTestClient(port);
    }
}
