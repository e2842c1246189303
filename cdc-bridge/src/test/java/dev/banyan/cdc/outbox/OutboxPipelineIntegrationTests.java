package dev.banyan.cdc.outbox;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.banyan.cdc.config.BridgeConfig;
import dev.banyan.cdc.engine.Bridge;
import dev.banyan.cdc.engine.OutboxPipeline;
import dev.banyan.cdc.support.Configs;
import dev.banyan.cdc.support.TestKafka;
import dev.banyan.events.EventHeaders;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static dev.banyan.cdc.support.TestKafka.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two outbox pipelines on a real PostgreSQL and a real Kafka broker: the contract's {@code ordering.outbox} and a lax
 * table ({@code lax.outbox}, nullable columns, text payload) that can hold malformed rows. Records are read back with a
 * plain {@code KafkaConsumer}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutboxPipelineIntegrationTests {

    static final String ORDER_TOPIC = "banyan.order.events";
    static final JsonMapper JSON = JsonMapper.builder().build();

    static OutboxSchema db;
    static Bridge bridge;
    static final List<UUID> snapshotIds = new ArrayList<>();

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        db = OutboxSchema.create("outbox_publish");
        db.exec("create schema lax; create table lax.outbox (id uuid primary key, aggregatetype text, aggregateid text,"
                + " type text, version int, handler text, payload text, occurred_at timestamptz)");
        // written before the pipeline's first start: the snapshot publishes it
        try (Connection c = db.connect()) {
            UUID id = UUID.randomUUID();
            OutboxSchema.insert(
                    c,
                    "ordering.outbox",
                    id,
                    "order",
                    "before-start",
                    "OrderAccepted",
                    "monolith",
                    "{\"seq\":0}",
                    Instant.now());
            snapshotIds.add(id);
        }
        String kafka = TestKafka.bootstrapServers();
        String common = "    source: { url: \"" + db.url() + "\", user: postgres }\n"
                + "    kafka:\n"
                + "      bootstrap-servers: " + kafka + "\n"
                // short waits, so a broker outage shows within seconds
                + "      properties: { max.block.ms: 1500, request.timeout.ms: 1500, delivery.timeout.ms: 3000 }\n"
                + "    batch-size: 100\n"
                + "    heartbeat-interval: 500ms\n"
                + "    retry: { backoff: 100ms, max-backoff: 1s }\n";
        Path file = Configs.write(
                dir,
                "  - name: orders-outbox\n    kind: outbox\n    outbox: ordering.outbox\n" + common,
                "  - name: lax-outbox\n    kind: outbox\n    outbox: lax.outbox\n    dead-letter-topic: lax.unroutable\n"
                        + common);
        BridgeConfig config = Configs.load(file);
        bridge = Bridge.start(config, new SimpleMeterRegistry());
    }

    @AfterAll
    static void stop() {
        if (bridge != null) {
            bridge.close();
        }
        db.exec("select pg_drop_replication_slot(slot_name) from pg_replication_slots"
                + " where database = current_database() and not active");
    }

    @Test
    @Order(1)
    void publishesEveryRowWithKeyHeadersPayloadAndTimestampInOrderPerKey() throws Exception {
        Instant occurred = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        Map<UUID, String> handlerOf = new HashMap<>();
        Map<String, List<UUID>> insertedPerKey = new LinkedHashMap<>();
        insertedPerKey.put("before-start", new ArrayList<>(snapshotIds));
        handlerOf.put(snapshotIds.get(0), "monolith");
        try (Connection c = db.connect()) {
            // small interleaved transactions over three orders, then one of 650 rows: 6.5 engine batches
            for (int round = 0; round < 5; round++) {
                c.setAutoCommit(false);
                for (int order = 0; order < 3; order++) {
                    String key = "order-" + order;
                    UUID id = UUID.randomUUID();
                    String handler = order == 2 ? null : "delivery-service";
                    OutboxSchema.insert(
                            c,
                            "ordering.outbox",
                            id,
                            "order",
                            key,
                            "OrderAccepted",
                            handler,
                            "{\"orderId\": \"" + key + "\", \"seq\": " + round + ", \"note\": \"배달 \\\"빨리\\\"\"}",
                            occurred.plusMillis(round));
                    insertedPerKey.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
                    handlerOf.put(id, handler);
                }
                c.commit();
            }
            for (int i = 0; i < 650; i++) {
                String key = "big-" + (i % 7);
                UUID id = UUID.randomUUID();
                OutboxSchema.insert(
                        c,
                        "ordering.outbox",
                        id,
                        "order",
                        key,
                        "OrderCancelled",
                        "monolith",
                        "{\"seq\": " + i + "}",
                        occurred);
                insertedPerKey.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
                handlerOf.put(id, "monolith");
            }
            c.commit();
        }
        int expected = insertedPerKey.values().stream().mapToInt(List::size).sum();

        List<ConsumerRecord<String, String>> records = TestKafka.read(ORDER_TOPIC, expected, Duration.ofSeconds(60));

        assertThat(records).hasSize(expected);
        Map<String, List<UUID>> publishedPerKey = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            UUID id = UUID.fromString(header(r, EventHeaders.ID));
            publishedPerKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(id);
            assertThat(header(r, EventHeaders.VERSION)).isEqualTo("1");
            assertThat(header(r, EventHeaders.HANDLER)).isEqualTo(handlerOf.get(id));
            assertThat(r.headers().headers(EventHeaders.HANDLER)).hasSize(handlerOf.get(id) == null ? 0 : 1);
            // the payload as JSON text, not a JSON string holding it
            assertThat(r.value()).startsWith("{");
            assertThat(JSON.readTree(r.value()).has("seq")).isTrue();
        }
        assertThat(publishedPerKey).isEqualTo(insertedPerKey);
        ConsumerRecord<String, String> first = records.stream()
                .filter(r -> r.key().equals("order-0"))
                .findFirst()
                .orElseThrow();
        assertThat(header(first, EventHeaders.TYPE)).isEqualTo("OrderAccepted");
        assertThat(first.timestamp()).isEqualTo(occurred.toEpochMilli());
        assertThat(JSON.readTree(first.value()))
                .isEqualTo(JSON.readTree("{\"orderId\":\"order-0\",\"seq\":0,\"note\":\"배달 \\\"빨리\\\"\"}"));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(db.count("ordering.outbox")).isZero());
        OutboxPipeline pipeline = bridge.outbox("orders-outbox");
        assertThat(pipeline.metrics().publishedCount()).isEqualTo(expected);
        assertThat(pipeline.metrics().prunedCount()).isEqualTo(expected);
    }

    @Test
    @Order(2)
    void deadLettersMalformedRowsWithTheReasonAndPublishesTheRowsAfterThem() throws Exception {
        UUID good1 = UUID.randomUUID();
        UUID nullPayload = UUID.randomUUID();
        UUID notJson = UUID.randomUUID();
        UUID noType = UUID.randomUUID();
        UUID noAggregateType = UUID.randomUUID();
        UUID good2 = UUID.randomUUID();
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement("insert into lax.outbox (id, aggregatetype, aggregateid,"
                        + " type, version, payload, occurred_at) values (?, ?, ?, ?, 1, ?, now())")) {
            Object[][] rows = {
                {good1, "delivery", "o-1", "DeliveryAssigned", "{\"n\":1}"},
                {nullPayload, "delivery", "o-1", "DeliveryPickedUp", null},
                {notJson, "delivery", "o-2", "DeliveryPickedUp", "{not json"},
                {noType, "delivery", "o-3", null, "{\"n\":3}"},
                {noAggregateType, null, "o-4", "DeliveryCompleted", "{\"n\":4}"},
                {good2, "delivery", "o-1", "DeliveryCompleted", "{\"n\":2}"},
            };
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, row[i]);
                }
                ps.executeUpdate();
            }
        }

        List<ConsumerRecord<String, String>> published =
                TestKafka.read("banyan.delivery.events", 2, Duration.ofSeconds(30));
        assertThat(published)
                .extracting(r -> header(r, EventHeaders.ID))
                .containsExactly(good1.toString(), good2.toString());

        Map<String, String> reasons = TestKafka.read("banyan.delivery.events.dlt", 3, Duration.ofSeconds(30)).stream()
                .collect(Collectors.toMap(
                        r -> header(r, EventHeaders.ID), r -> header(r, EventHeaders.DEAD_LETTER_REASON)));
        assertThat(reasons)
                .containsEntry(nullPayload.toString(), "payload is null")
                .containsEntry(noType.toString(), "type is missing")
                .hasSize(3);
        assertThat(reasons.get(notJson.toString())).startsWith("payload is not JSON: ");
        List<ConsumerRecord<String, String>> unroutable = TestKafka.read("lax.unroutable", 1, Duration.ofSeconds(30));
        assertThat(header(unroutable.get(0), EventHeaders.DEAD_LETTER_REASON)).isEqualTo("aggregatetype is missing");
        assertThat(unroutable.get(0).key()).isEqualTo("o-4");
        assertThat(unroutable.get(0).value()).isEqualTo("{\"n\":4}");

        OutboxPipeline lax = bridge.outbox("lax-outbox");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(db.count("lax.outbox")).isZero());
        assertThat(lax.metrics().deadLetteredCount()).isEqualTo(4);
        assertThat(lax.metrics().publishedCount()).isEqualTo(2);
    }

    @Test
    @Order(3)
    void waitsForAStoppedBrokerWithoutPruningAndPublishesEveryRowWhenItReturns() throws Exception {
        OutboxPipeline pipeline = bridge.outbox("orders-outbox");
        int before = (int) pipeline.metrics().publishedCount();
        TestKafka.stop();
        Set<String> ids = new HashSet<>();
        try {
            try (Connection c = db.connect()) {
                for (int i = 0; i < 200; i++) {
                    UUID id = UUID.randomUUID();
                    OutboxSchema.insert(
                            c,
                            "ordering.outbox",
                            id,
                            "order",
                            "outage-" + (i % 5),
                            "OrderAccepted",
                            "monolith",
                            "{\"seq\": " + i + "}",
                            Instant.now());
                    ids.add(id.toString());
                }
            }
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(pipeline.brokerError()).isNotNull());
            assertThat(pipeline.metrics().brokerErrorCount()).isPositive();
            assertThat(pipeline.metrics().brokerAvailable()).isFalse();
            assertThat(pipeline.state().name()).isNotIn("HALTED", "STOPPED");
            // nothing acknowledged, nothing deleted
            assertThat(db.count("ordering.outbox")).isEqualTo(200);
        } finally {
            TestKafka.start();
        }

        List<ConsumerRecord<String, String>> records =
                TestKafka.read(ORDER_TOPIC, before + ids.size(), Duration.ofSeconds(90));
        Set<String> published =
                records.stream().map(r -> header(r, EventHeaders.ID)).collect(Collectors.toSet());
        assertThat(published).containsAll(ids);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(db.count("ordering.outbox")).isZero());
        assertThat(pipeline.brokerError()).isNull();
        assertThat(pipeline.metrics().brokerAvailable()).isTrue();
    }
}
