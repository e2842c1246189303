package dev.banyan.cdc.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import dev.banyan.cdc.config.ConfigLoader;
import dev.banyan.cdc.config.PipelineConfig;
import dev.banyan.cdc.metrics.PipelineMetrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the Debezium engine is given: the source URL's connection parameters and the {@code debezium:} block reach the
 * connector (and so its replication connection) as connector properties. No database is contacted.
 */
class EnginePropertiesTests {

    static Properties engineProperties(String yaml) {
        PipelineConfig config = new ConfigLoader(Map.of("SSL_KEY_PASSWORD", "k3y")::get)
                .parse(Path.of("cdc.yml"), yaml)
                .pipelines()
                .get(0);
        try (DebeziumPipeline pipeline = new DebeziumPipeline(
                config, List.of(), new PipelineMetrics(new SimpleMeterRegistry(), config.name()))) {
            return pipeline.engineProperties();
        }
    }

    static final String PIPELINE = """
            pipelines:
              - name: catalog-forward
                source: { url: "%s", user: banyan }
                target: { url: "jdbc:postgresql://localhost:15433/catalog", user: banyan }
            %s
                tables:
                  - { from: catalog.category, to: public.category, key: [code] }
            """;

    @Test
    void passesTheSourceUrlsSslParametersToTheReplicationConnection() {
        Properties p = engineProperties(PIPELINE.formatted(
                "jdbc:postgresql://db.internal:6432/monolith?sslmode=verify-full"
                        + "&sslrootcert=/etc/banyan/root.crt&sslcert=/etc/banyan/bridge.crt&sslkey=/etc/banyan/bridge.pk8&tcpKeepAlive=true",
                ""));
        assertThat(p)
                .containsEntry("database.hostname", "db.internal")
                .containsEntry("database.port", "6432")
                .containsEntry("database.dbname", "monolith")
                .containsEntry("database.user", "banyan")
                .containsEntry("database.sslmode", "verify-full")
                .containsEntry("database.sslrootcert", "/etc/banyan/root.crt")
                .containsEntry("database.sslcert", "/etc/banyan/bridge.crt")
                .containsEntry("database.sslkey", "/etc/banyan/bridge.pk8")
                .containsEntry("database.tcpKeepAlive", "true");
    }

    @Test
    void aUrlWithoutParametersAddsNoDatabaseProperties() {
        Properties p = engineProperties(PIPELINE.formatted("jdbc:postgresql://localhost:15432/monolith", ""));
        assertThat(p.stringPropertyNames().stream().filter(n -> n.startsWith("database.")))
                .containsExactlyInAnyOrder(
                        "database.hostname", "database.port", "database.dbname", "database.user", "database.password");
    }

    @Test
    void theDebeziumBlockPassesConnectorPropertiesThroughAndWinsOverDefaults() {
        Properties p = engineProperties(PIPELINE.formatted(
                "jdbc:postgresql://localhost:15432/monolith?sslmode=require",
                "    debezium: { max.queue.size: 30000, status.update.interval.ms: 5000, database.sslpassword: \"${SSL_KEY_PASSWORD}\", "
                        + "database.sslmode: verify-ca }"));
        assertThat(p)
                .containsEntry("max.queue.size", "30000")
                .containsEntry("status.update.interval.ms", "5000")
                .containsEntry("database.sslpassword", "k3y")
                .containsEntry("database.sslmode", "verify-ca")
                .containsEntry("slot.name", "banyan_catalog_forward")
                .containsEntry("publication.name", "banyan_catalog_forward");
    }
}
