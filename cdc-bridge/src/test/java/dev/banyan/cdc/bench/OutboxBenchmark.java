package dev.banyan.cdc.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import dev.banyan.cdc.config.BridgeConfig;
import dev.banyan.cdc.config.ConfigLoader;
import dev.banyan.cdc.engine.Bridge;
import dev.banyan.cdc.engine.DebeziumPipeline;
import dev.banyan.cdc.engine.OutboxPipeline;
import dev.banyan.embedded.EmbeddedPostgresServer;
import dev.banyan.embedded.kafka.EmbeddedKafkaBroker;
import dev.banyan.events.EventHeaders;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The outbox pipeline's benchmark, in one run (a program, not a test): a burst of {@code bench.events} (50,000) rows
 * inserted into an outbox table, published by the bridge, against a bare {@code KafkaProducer} writing the same
 * records (same keys, values and headers, same producer settings: acks=all, idempotence) to the same broker.
 * <ul>
 *   <li>bridge: events over the span from the first insert to the acknowledgement of the last event, after a warm-up
 *   of 5,000 events;</li>
 *   <li>bare producer: events over the span from the first send to the last acknowledgement, after the same
 *   warm-up on the same topic;</li>
 *   <li>the ratio of the two, and how long the inserts alone took.</li>
 * </ul>
 */
public final class OutboxBenchmark {

    static final int EVENTS = Integer.getInteger("bench.events", 50_000);
    static final int PER_TRANSACTION = 500;
    static final int ORDERS = 5_000;
    static final int WARM_UP = 5_000;

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("banyan-outbox-bench");
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(root.resolve("pg"), 0, true);
                EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(
                        root.resolve("kafka"),
                        0,
                        EmbeddedKafkaBroker.Options.defaults().withEphemeral(true))) {
            postgres.ensureDatabase("monolith");
            String url = postgres.jdbcUrl("monolith");
            try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
                c.createStatement()
                        .execute("create schema ordering; create table ordering.outbox (id uuid primary key,"
                                + " aggregatetype text not null, aggregateid text not null, type text not null,"
                                + " version int not null, handler text, payload jsonb not null,"
                                + " occurred_at timestamptz not null)");
            }
            Path config = Files.writeString(root.resolve("bench.yml"), """
                    pipelines:
                      - name: bench-outbox
                        kind: outbox
                        source: { url: "%s", user: postgres }
                        outbox: ordering.outbox
                        kafka: { bootstrap-servers: "%s" }
                        batch-size: 4096
                        heartbeat-interval: 1s
                    """.formatted(url, kafka.bootstrapServers()));
            BridgeConfig bridgeConfig = new ConfigLoader().load(config);
            System.out.printf(
                    "outbox benchmark: JDK %s, %d cores, max heap %d MB, %,d events, Kafka broker %s%n",
                    System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20,
                    EVENTS,
                    kafka.bootstrapServers());
            List<Event> events = events(EVENTS);

            double bridgeRate;
            try (Bridge bridge = Bridge.start(bridgeConfig, new SimpleMeterRegistry())) {
                OutboxPipeline pipeline = bridge.outbox("bench-outbox");
                waitFor(() -> pipeline.state() == DebeziumPipeline.State.STREAMING, 120, "the pipeline to stream");
                // warm-up, as for the bare producer: the topic exists, the producer is connected, the code is compiled
                insert(url, events(WARM_UP));
                waitFor(() -> pipeline.metrics().publishedCount() >= WARM_UP, 120, "the warm-up");
                long start = System.nanoTime();
                insert(url, events);
                double insertSeconds = (System.nanoTime() - start) / 1e9;
                waitFor(
                        () -> pipeline.metrics().publishedCount() >= WARM_UP + EVENTS,
                        600,
                        "the burst to be acknowledged");
                double seconds = (System.nanoTime() - start) / 1e9;
                bridgeRate = EVENTS / seconds;
                System.out.printf(
                        "bridge: %,d events inserted in %.2f s (%,.0f rows/s); all acknowledged by Kafka %.2f s after the"
                                + " first insert = %,.0f events/s; pruned %,.0f rows%n",
                        EVENTS,
                        insertSeconds,
                        EVENTS / insertSeconds,
                        seconds,
                        bridgeRate,
                        pipeline.metrics().prunedCount());
            }

            double bareRate = bare(kafka.bootstrapServers(), events);
            System.out.printf("bare KafkaProducer: same %,d records = %,.0f events/s%n", EVENTS, bareRate);
            System.out.printf("bridge / bare producer = %.2f%n", bridgeRate / bareRate);
            System.out.printf(
                    "peak heap: %d MB%n",
                    java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                                    .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                                    .mapToLong(p -> p.getPeakUsage().getUsed())
                                    .sum()
                            >> 20);
        }
    }

    record Event(UUID id, String key, String type, String payload, Instant occurredAt) {}

    static List<Event> events(int count) {
        List<Event> events = new ArrayList<>(count);
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            String order = new UUID(0, i % ORDERS).toString();
            events.add(new Event(
                    UUID.randomUUID(),
                    order,
                    "OrderAccepted",
                    "{\"orderId\": \"" + order + "\", \"restaurantId\": \"" + new UUID(1, i % 97)
                            + "\", \"customerId\": \"" + new UUID(2, i % 991)
                            + "\", \"totalKrw\": " + (12_000 + i % 30_000) + ", \"address\": \"서울 강남구 테헤란로 "
                            + (i % 500) + "\", \"acceptedAt\": \"" + now + "\"}",
                    now));
        }
        return events;
    }

    static void insert(String url, List<Event> events) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                PreparedStatement ps = c.prepareStatement("insert into ordering.outbox (id, aggregatetype, aggregateid,"
                        + " type, version, handler, payload, occurred_at) values (?, 'bench', ?, ?, 1, 'monolith',"
                        + " ?::jsonb, ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < events.size(); i++) {
                Event e = events.get(i);
                ps.setObject(1, e.id());
                ps.setString(2, e.key());
                ps.setString(3, e.type());
                ps.setString(4, e.payload());
                ps.setTimestamp(5, Timestamp.from(e.occurredAt()));
                ps.addBatch();
                if (i % PER_TRANSACTION == PER_TRANSACTION - 1) {
                    ps.executeBatch();
                    c.commit();
                }
            }
            ps.executeBatch();
            c.commit();
        }
    }

    /** The same records, with the bridge's producer settings, sent by a bare producer; after a warm-up round. */
    static double bare(String servers, List<Event> events) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "5",
                ProducerConfig.BATCH_SIZE_CONFIG, "131072",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            send(producer, "banyan.bench.bare", events(WARM_UP));
            long start = System.nanoTime();
            send(producer, "banyan.bench.bare", events);
            return events.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    static void send(KafkaProducer<String, String> producer, String topic, List<Event> events) throws Exception {
        List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
        for (Event e : events) {
            List<Header> headers = List.of(
                    header(EventHeaders.ID, e.id().toString()),
                    header(EventHeaders.TYPE, e.type()),
                    header(EventHeaders.VERSION, "1"),
                    header(EventHeaders.HANDLER, "monolith"));
            acks.add(producer.send(
                    new ProducerRecord<>(topic, null, e.occurredAt().toEpochMilli(), e.key(), e.payload(), headers)));
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            ack.get();
        }
    }

    static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    static void waitFor(BooleanSupplier condition, int seconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }
}
