package dev.banyan.monolith;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.stereotype.Component;

/**
 * Logs one line once the application is ready: HTTP port, configuration files, database URL and where the delivery
 * events come from.
 */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);
    private static final Pattern CONFIG_RESOURCE = Pattern.compile("Config resource '(.+?)' via location");

    private final DataSource dataSource;
    private final ConfigurableEnvironment environment;

    StartupReport(DataSource dataSource, ConfigurableEnvironment environment) {
        this.dataSource = dataSource;
        this.environment = environment;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        String port =
                event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null
                        ? String.valueOf(web.getWebServer().getPort())
                        : "none";
        log.info(
                "Banyan legacy monolith ready: http port {}, config {}, database {}, delivery events {}",
                port,
                configFiles(),
                databaseUrl(),
                deliveryEvents());
    }

    private String deliveryEvents() {
        if (!environment.getProperty("banyan.events.consumer.enabled", Boolean.class, false)) {
            return "not consumed (banyan.events.consumer.enabled=false)";
        }
        return "consumed from " + environment.getProperty("spring.kafka.bootstrap-servers", "localhost:9092")
                + " as group legacy-monolith";
    }

    private String configFiles() {
        List<String> files = new ArrayList<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            Matcher matcher = CONFIG_RESOURCE.matcher(source.getName());
            if (matcher.find()) {
                files.add(matcher.group(1)
                        .replace("class path resource [", "classpath:")
                        .replace("]", ""));
            }
        }
        return files.isEmpty() ? "(defaults)" : String.join(", ", files);
    }

    private String databaseUrl() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL() + " as "
                    + connection.getMetaData().getUserName();
        } catch (SQLException e) {
            return "unreachable (" + e.getMessage() + ")";
        }
    }
}
