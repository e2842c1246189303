package dev.banyan.embedded.boot;

import javax.sql.DataSource;

import dev.banyan.embedded.EmbeddedPostgresServer;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPostgresAutoConfigurationIntegrationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(EmbeddedPostgresAutoConfiguration.class, DataSourceAutoConfiguration.class));

    @Test
    void startsPostgresAndCreatesTheDatabaseWhenNoUrlIsConfigured() {
        runner.withPropertyValues("banyan.embedded-db.database=orders_db", "banyan.embedded-db.ephemeral=true")
                .run(context -> {
                    assertThat(context).hasSingleBean(EmbeddedPostgresServer.class);
                    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
                    assertThat(jdbc.queryForObject("select current_database()", String.class))
                            .isEqualTo("orders_db");
                    assertThat(jdbc.queryForObject("show wal_level", String.class))
                            .isEqualTo("logical");
                });
    }

    @Test
    void staysOutOfTheWayWhenADataSourceUrlIsConfigured() {
        runner.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example:5432/app")
                .run(context -> assertThat(context).doesNotHaveBean(EmbeddedPostgresServer.class));
    }

    @Test
    void canBeSwitchedOff() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(EmbeddedPostgresAutoConfiguration.class))
                .withPropertyValues("banyan.embedded-db.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(EmbeddedPostgresServer.class));
    }

    @Test
    void rejectsAPortOutOfRange() {
        runner.withPropertyValues("banyan.embedded-db.port=70000")
                .run(context ->
                        assertThat(context).getFailure().rootCause().hasMessageContaining("banyan.embedded-db.port"));
    }

    @Test
    void staysOffInApplicationsWithoutBootJdbcSupport() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(EmbeddedPostgresAutoConfiguration.class))
                .withClassLoader(new FilteredClassLoader(JdbcConnectionDetails.class))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(EmbeddedPostgresServer.class);
                });
    }
}
