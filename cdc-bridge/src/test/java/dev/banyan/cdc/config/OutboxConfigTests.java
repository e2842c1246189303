package dev.banyan.cdc.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.banyan.cdc.config.PipelineConfig.SnapshotMode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxConfigTests {

    static final Path FILE = Path.of("cdc.yml");
    final ConfigLoader loader = new ConfigLoader(Map.of("MONOLITH_DB_PASSWORD", "s3cret", "KAFKA", "k1:9092")::get);

    @Test
    void readsAnOutboxPipelineWithItsDefaults() {
        BridgeConfig config = loader.parse(FILE, """
                pipelines:
                  - name: order-events
                    kind: outbox
                    source: { url: jdbc:postgresql://localhost:15432/monolith, user: banyan, password: ${MONOLITH_DB_PASSWORD} }
                    outbox: ordering.outbox
                    kafka: { bootstrap-servers: "${KAFKA}" }
                """);

        assertThat(config.pipelines()).isEmpty();
        OutboxPipelineConfig outbox = config.outboxes().get(0);
        assertThat(outbox.name()).isEqualTo("order-events");
        assertThat(outbox.source().password()).isEqualTo("s3cret");
        assertThat(outbox.table()).hasToString("ordering.outbox");
        assertThat(outbox.kafka().bootstrapServers()).isEqualTo("k1:9092");
        assertThat(outbox.kafka().properties()).isEmpty();
        assertThat(outbox.topic()).isEqualTo("banyan.${routedByValue}.events");
        assertThat(outbox.topicFor("order")).isEqualTo("banyan.order.events");
        assertThat(outbox.deadLetterTopic()).isEqualTo("banyan.outbox.dlt");
        assertThat(outbox.slot()).isEqualTo("banyan_order_events");
        assertThat(outbox.publication()).isEqualTo("banyan_order_events");
        assertThat(outbox.snapshot()).isEqualTo(SnapshotMode.INITIAL);
        assertThat(outbox.retry().initial()).isEqualTo(Duration.ofMillis(500));
        assertThat(outbox.retry().max()).isEqualTo(Duration.ofSeconds(30));
        assertThat(outbox.prune().enabled()).isTrue();
        assertThat(outbox.prune().batchSize()).isEqualTo(1000);
        assertThat(config.slotOwners()).extracting(BridgeConfig.SlotOwner::slot).containsExactly("banyan_order_events");
    }

    @Test
    void readsEveryOutboxOptionNextToATablePipeline() {
        BridgeConfig config = loader.parse(FILE, """
                pipelines:
                  - name: catalog-forward
                    source: { url: jdbc:postgresql://localhost:15432/monolith, user: banyan }
                    target: { url: jdbc:postgresql://localhost:15433/catalog, user: banyan }
                    tables: [ { from: catalog.restaurant, to: public.restaurant, key: [id] } ]
                  - name: order-events
                    kind: outbox
                    source: { url: jdbc:postgresql://localhost:15432/monolith, user: banyan }
                    outbox: ordering.outbox
                    kafka:
                      bootstrap-servers: k1:9092,k2:9092
                      properties: { compression.type: lz4, linger.ms: 20 }
                    topic: prod.${routedByValue}.v1
                    dead-letter-topic: prod.unroutable
                    slot: order_slot
                    publication: order_pub
                    snapshot: never
                    batch-size: 500
                    heartbeat-interval: 2s
                    retry: { backoff: 100ms, max-backoff: 5s }
                    prune: { enabled: false, batch-size: 200 }
                    debezium: { max.queue.size: 20000 }
                """);

        assertThat(config.pipelines()).hasSize(1);
        OutboxPipelineConfig outbox = config.outboxes().get(0);
        assertThat(outbox.kafka().properties())
                .containsEntry("compression.type", "lz4")
                .containsEntry("linger.ms", "20");
        assertThat(outbox.topicFor("delivery")).isEqualTo("prod.delivery.v1");
        assertThat(outbox.deadLetterTopic()).isEqualTo("prod.unroutable");
        assertThat(outbox.slot()).isEqualTo("order_slot");
        assertThat(outbox.publication()).isEqualTo("order_pub");
        assertThat(outbox.snapshot()).isEqualTo(SnapshotMode.NEVER);
        assertThat(outbox.batchSize()).isEqualTo(500);
        assertThat(outbox.heartbeatInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(outbox.retry().initial()).isEqualTo(Duration.ofMillis(100));
        assertThat(outbox.prune().enabled()).isFalse();
        assertThat(outbox.prune().batchSize()).isEqualTo(200);
        assertThat(outbox.debezium()).containsEntry("max.queue.size", "20000");
        assertThat(config.slotOwners())
                .extracting(BridgeConfig.SlotOwner::slot)
                .containsExactly("banyan_catalog_forward", "order_slot");
    }

    @Test
    void reportsEveryProblemOfAnOutboxPipelineAtOnceEachWithItsLine() {
        String yaml = """
                pipelines:
                  - name: order-events
                    kind: outbox
                    source: { url: jdbc:postgresql://localhost:15432/monolith, user: banyan }
                    outbox: outbox
                    kafka:
                      bootstrap-servers: localhost
                      properties: { acks: "1", enable.idempotence: "false" }
                    topic: banyan.events
                    retry: { attempts: 3, backoff: 5ms }
                    prune: { enabled: yes }
                    target: { url: jdbc:postgresql://localhost:15433/catalog, user: banyan }
                  - name: order-events
                    kind: outbox
                    source: { url: jdbc:postgresql://localhost:15432/monolith, user: banyan }
                    outbox: ordering.outbox
                  - name: odd
                    kind: stream
                """;

        assertThatThrownBy(() -> loader.parse(FILE, yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessage(String.join(
                        "\n",
                        "cdc.yml:12: pipeline 'order-events': target: is not a known field (known: batch-size, dead-letter-topic, "
                                + "debezium, heartbeat-interval, kafka, kind, name, outbox, prune, publication, "
                                + "retry, slot, snapshot, source, topic)",
                        "cdc.yml:5: pipeline 'order-events': outbox: must be schema.table, was 'outbox'",
                        "cdc.yml:7: pipeline 'order-events': kafka.bootstrap-servers: 'localhost' must be host:port "
                                + "(several separated by commas)",
                        "cdc.yml:8: pipeline 'order-events': kafka.properties.acks: is set by the bridge (acks=all, "
                                + "enable.idempotence=true): publication is acknowledged by every in-sync replica before "
                                + "the outbox rows are pruned",
                        "cdc.yml:8: pipeline 'order-events': kafka.properties.enable.idempotence: is set by the bridge "
                                + "(acks=all, enable.idempotence=true): publication is acknowledged by every in-sync "
                                + "replica before the outbox rows are pruned",
                        "cdc.yml:9: pipeline 'order-events': topic: 'banyan.events' must contain ${routedByValue} (the "
                                + "row's aggregatetype)",
                        "cdc.yml:10: pipeline 'order-events': retry.attempts: is not a known field (known: backoff, "
                                + "max-backoff)",
                        "cdc.yml:10: pipeline 'order-events': retry.backoff: must be at least 10ms",
                        "cdc.yml:11: pipeline 'order-events': prune.enabled: must be true or false, was 'yes'",
                        "cdc.yml:13: pipeline 'order-events': kafka: is missing (bootstrap-servers)",
                        "cdc.yml:18: pipelines[2]: kind: must be one of tables, outbox, was 'stream'"));
    }

    @Test
    void theShippedOutboxExampleIsValid() {
        BridgeConfig config = new ConfigLoader(name -> null).load(Path.of("outbox.example.yml"));
        assertThat(config.outboxes())
                .extracting(OutboxPipelineConfig::name)
                .containsExactly("order-events", "delivery-events");
        assertThat(config.outboxes().get(0).kafka().bootstrapServers()).isEqualTo("127.0.0.1:19092");
        assertThat(config.outboxes().get(0).topicFor("order")).isEqualTo("banyan.order.events");
        assertThat(config.outboxes().get(1).table()).hasToString("public.outbox");
    }
}
