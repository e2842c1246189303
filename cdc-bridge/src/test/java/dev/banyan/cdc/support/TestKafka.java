package dev.banyan.cdc.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import dev.banyan.embedded.kafka.EmbeddedKafkaBroker;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import static org.awaitility.Awaitility.await;

/**
 * One real Kafka broker (KRaft, child JVM, port 0, temporary directory) per test JVM, started on first use and shared
 * by the test classes. A class may stop and start it again on the same port and data (a broker outage).
 */
public final class TestKafka {

    private static final EmbeddedKafkaBroker.Options OPTIONS =
            EmbeddedKafkaBroker.Options.defaults().withHeap("256m").withStopOnJvmExit(false);

    private static EmbeddedKafkaBroker broker;
    private static Path directory;
    private static int port;

    private TestKafka() {}

    public static synchronized String bootstrapServers() {
        if (directory == null) {
            try {
                directory = Files.createTempDirectory("banyan-cdc-kafka");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            broker = EmbeddedKafkaBroker.start(directory, 0, OPTIONS);
            port = broker.port();
            Runtime.getRuntime().addShutdownHook(new Thread(TestKafka::shutdown, "test-kafka-stop"));
        } else if (broker == null) {
            throw new IllegalStateException("the test broker is stopped; start() it first");
        }
        return "127.0.0.1:" + port;
    }

    /** Stops the broker (controlled shutdown); its topics stay on disk. */
    public static synchronized void stop() {
        bootstrapServers();
        broker.close();
        broker = null;
    }

    /** Starts the stopped broker again on the same port and data. */
    public static synchronized void start() {
        if (broker == null) {
            broker = EmbeddedKafkaBroker.start(directory, port, OPTIONS);
        }
    }

    private static synchronized void shutdown() {
        if (broker != null) {
            broker.close();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }

    /** Reads {@code topic} from its beginning until at least {@code count} records arrived. */
    public static List<ConsumerRecord<String, String>> read(String topic, int count, Duration timeout) {
        return readUntil(topic, records -> records.size() >= count, timeout);
    }

    /** Reads {@code topic} from its beginning until what arrived satisfies {@code done}. */
    public static List<ConsumerRecord<String, String>> readUntil(
            String topic, Predicate<List<ConsumerRecord<String, String>>> done, Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000"))) {
            await().atMost(timeout).until(() -> {
                if (consumer.assignment().isEmpty()) {
                    List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
                    if (partitions.isEmpty()) {
                        return false;
                    }
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return done.test(records);
            });
        }
        return records;
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
