package dev.banyan.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

import dev.banyan.delivery.application.ShadowMode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** One line at start-up: the HTTP port, the configuration, the database, the Kafka cluster and the shadow stage. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final DataSource dataSource;
    private final Environment environment;
    private final ShadowMode shadowMode;

    StartupReport(DataSource dataSource, Environment environment, ShadowMode shadowMode) {
        this.dataSource = dataSource;
        this.environment = environment;
        this.shadowMode = shadowMode;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort()
                : -1;
        String config = environment.getProperty(
                "spring.config.location",
                environment.getProperty("spring.config.additional-location", "classpath:application.yml"));
        log.info(
                "delivery-service ready: http port {}, config {}, database {}, kafka {}, shadow {}",
                port,
                config,
                databaseUrl(),
                environment.getProperty("spring.kafka.bootstrap-servers", "(unset)"),
                shadowMode.enabled());
    }

    private String databaseUrl() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        } catch (SQLException e) {
            return "unavailable (" + e.getMessage() + ")";
        }
    }
}
