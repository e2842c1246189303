package dev.banyan.monolith;

import java.util.List;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One Flyway per bounded context. Boot's Flyway auto-configuration supplies the DataSource and settings; this
 * strategy runs, for each context, the scripts in {@code classpath:db/migration/<context>} against the schema of the
 * same name, with that schema's own {@code flyway_schema_history}. A context's schema and migrations can therefore be
 * lifted out together when the context is extracted into a service.
 */
@Configuration(proxyBeanMethods = false)
class PerContextFlywayMigrations {

    static final List<String> CONTEXTS = List.of("catalog", "customer", "ordering", "payment", "delivery");

    private static final Logger log = LoggerFactory.getLogger(PerContextFlywayMigrations.class);

    @Bean
    FlywayMigrationStrategy perContextMigrationStrategy() {
        return flyway -> {
            for (String context : CONTEXTS) {
                var result = Flyway.configure(flyway.getConfiguration().getClassLoader())
                        .configuration(flyway.getConfiguration())
                        .schemas(context)
                        .defaultSchema(context)
                        .locations("classpath:db/migration/" + context)
                        .load()
                        .migrate();
                log.info(
                        "Schema {}: {} migration(s) applied, now at version {}",
                        context,
                        result.migrationsExecuted,
                        result.targetSchemaVersion == null
                                ? flyway.getConfiguration().getTarget()
                                : result.targetSchemaVersion);
            }
        };
    }
}
