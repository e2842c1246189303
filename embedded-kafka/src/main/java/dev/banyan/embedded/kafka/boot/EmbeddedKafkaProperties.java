package dev.banyan.embedded.kafka.boot;

import java.nio.file.Path;

import dev.banyan.embedded.kafka.EmbeddedKafkaBroker;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code banyan.embedded-kafka.*}: where and how the embedded Kafka broker runs when no external cluster is
 * configured.
 *
 * @param enabled switch the embedded default off
 * @param bootstrapServers an external cluster; when set, no broker is started
 * @param dataDir directory that keeps the topics between restarts
 * @param port the broker's port on 127.0.0.1; 0 picks a free one
 * @param heap the broker JVM's maximum heap ({@code -Xmx})
 * @param ephemeral delete the data directory when the application stops (tests)
 */
@ConfigurationProperties("banyan.embedded-kafka")
public record EmbeddedKafkaProperties(
        Boolean enabled, String bootstrapServers, Path dataDir, Integer port, String heap, Boolean ephemeral) {

    public EmbeddedKafkaProperties {
        enabled = enabled == null || enabled;
        dataDir = dataDir == null ? Path.of(".banyan", "kafka") : dataDir;
        port = port == null ? EmbeddedKafkaBroker.DEFAULT_PORT : port;
        heap = heap == null ? "512m" : heap;
        ephemeral = ephemeral != null && ephemeral;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("banyan.embedded-kafka.port must be between 0 and 65535, was " + port);
        }
        if (!heap.matches("\\d+[kKmMgG]?")) {
            throw new IllegalArgumentException("banyan.embedded-kafka.heap must look like 512m or 1g, was " + heap);
        }
    }
}
