package dev.banyan.embedded.boot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.banyan.embedded.EmbeddedPostgresServer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The embedded default: with no {@code spring.datasource.url}, start a real PostgreSQL and hand its connection
 * details to Boot's own DataSource auto-configuration, so pooling, Flyway and health work unchanged. Applications
 * without Boot's JDBC support (the cdc-bridge manages its own connections) never see it.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails")
@Conditional(EmbeddedPostgresAutoConfiguration.NoDataSourceUrl.class)
@ConditionalOnProperty(name = "banyan.embedded-db.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
public class EmbeddedPostgresAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(EmbeddedPostgresProperties properties) throws Exception {
        Path dataDir = properties.ephemeral() ? Files.createTempDirectory("banyan-embedded-db-") : properties.dataDir();
        // The context stops the server after every bean that uses it, so no shutdown hook of its own.
        EmbeddedPostgresServer server =
                EmbeddedPostgresServer.start(dataDir, properties.port(), properties.ephemeral(), Map.of(), false);
        server.ensureDatabase(properties.database());
        log.info("Embedded PostgreSQL: {} (data in {})", server.jdbcUrl(properties.database()), server.dataDirectory());
        return server;
    }

    @Bean
    JdbcConnectionDetails embeddedPostgresConnectionDetails(
            EmbeddedPostgresServer server, EmbeddedPostgresProperties properties) {
        String url = server.jdbcUrl(properties.database());
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return EmbeddedPostgresServer.USER;
            }

            @Override
            public String getPassword() {
                return "";
            }

            @Override
            public String getJdbcUrl() {
                return url;
            }
        };
    }

    static final class NoDataSourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
