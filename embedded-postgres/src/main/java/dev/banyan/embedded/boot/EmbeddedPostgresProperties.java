package dev.banyan.embedded.boot;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code banyan.embedded-db.*}: where and how the embedded PostgreSQL runs when no
 * {@code spring.datasource.url} is configured.
 *
 * @param dataDir directory that keeps the data between restarts
 * @param port TCP port; 0 picks a free one
 * @param database database created on first start and used by the application
 * @param ephemeral delete the data directory when the application stops (tests)
 */
@ConfigurationProperties("banyan.embedded-db")
public record EmbeddedPostgresProperties(Path dataDir, Integer port, String database, Boolean ephemeral) {

    public EmbeddedPostgresProperties {
        dataDir = dataDir == null ? Path.of(".banyan", "db") : dataDir;
        port = port == null ? 0 : port;
        database = database == null ? "postgres" : database;
        ephemeral = ephemeral != null && ephemeral;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("banyan.embedded-db.port must be between 0 and 65535, was " + port);
        }
    }
}
