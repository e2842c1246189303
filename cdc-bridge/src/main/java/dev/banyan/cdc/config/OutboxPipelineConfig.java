package dev.banyan.cdc.config;

import java.time.Duration;
import java.util.Map;

import dev.banyan.cdc.config.PipelineConfig.SnapshotMode;
import dev.banyan.cdc.config.TableConfig.QualifiedName;

/**
 * An outbox pipeline: the rows inserted into one outbox table of a source database are published to Kafka (Debezium's
 * outbox event router), and deleted from the table once Kafka has acknowledged them.
 *
 * @param topic the topic of a row, {@code ${routedByValue}} standing for its {@code aggregatetype}
 * @param deadLetterTopic where a row goes whose {@code aggregatetype} cannot name a topic; the other malformed rows go
 *     to {@code <topic>.dlt}
 * @param retry the backoff between attempts while Kafka does not acknowledge (publication retries forever)
 * @param debezium connector properties passed through unchanged
 */
public record OutboxPipelineConfig(
        String name,
        DatabaseEndpoint source,
        QualifiedName table,
        String slot,
        String publication,
        SnapshotMode snapshot,
        int batchSize,
        Duration heartbeatInterval,
        Kafka kafka,
        String topic,
        String deadLetterTopic,
        Backoff retry,
        Prune prune,
        Map<String, String> debezium) {

    /** The placeholder of the topic template, as Debezium's outbox event router names it. */
    public static final String ROUTED_BY_VALUE = "${routedByValue}";

    public static final String DEFAULT_TOPIC = "banyan." + ROUTED_BY_VALUE + ".events";

    /**
     * @param properties producer properties passed through; never one the bridge owns ({@code acks},
     *     {@code enable.idempotence}, serializers, {@code bootstrap.servers})
     */
    public record Kafka(String bootstrapServers, Map<String, String> properties) {}

    public record Backoff(Duration initial, Duration max) {}

    /** @param enabled delete published rows; @param batchSize ids per {@code delete} statement */
    public record Prune(boolean enabled, int batchSize) {}

    /** The topic of rows with this {@code aggregatetype}. */
    public String topicFor(String aggregateType) {
        return topic.replace(ROUTED_BY_VALUE, aggregateType);
    }
}
