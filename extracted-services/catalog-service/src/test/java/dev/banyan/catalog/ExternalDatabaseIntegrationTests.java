package dev.banyan.catalog;

import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;

import dev.banyan.embedded.EmbeddedPostgresServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.datasource.url} set, the service uses that server: no embedded PostgreSQL of its own, and its
 * Flyway migrations create its schema there.
 */
class ExternalDatabaseIntegrationTests {

    @TempDir
    static Path directory;

    static EmbeddedPostgresServer external;

    @BeforeAll
    static void anExternalServer() {
        external = EmbeddedPostgresServer.start(directory.resolve("external"), 0, true);
        external.ensureDatabase("catalog_elsewhere");
    }

    @AfterAll
    static void stopIt() {
        external.close();
    }

    @Test
    void runsOnTheConfiguredServerAndMigratesItsOwnSchemaThere() {
        try (ConfigurableApplicationContext app = new SpringApplication(CatalogServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + external.jdbcUrl("catalog_elsewhere"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=")) {
            assertThat(app.getBeansOfType(EmbeddedPostgresServer.class)).isEmpty();
            JdbcClient jdbc = JdbcClient.create(app.getBean(DataSource.class));
            assertThat(jdbc.sql("select current_database()").query(String.class).single())
                    .isEqualTo("catalog_elsewhere");
            List<String> tables = jdbc.sql("select table_name from information_schema.tables "
                            + "where table_schema = 'public' and table_name <> 'flyway_schema_history' order by 1")
                    .query(String.class)
                    .list();
            assertThat(tables).containsExactly("category", "menu_item", "opening_hours", "restaurant");
        }
    }
}
