package dev.banyan.embedded.kafka;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedKafkaBrokerIntegrationTests {

    @TempDir
    static Path root;

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(root.resolve("kafka"), 0);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void producesAndConsumesKoreanTextOnLoopback() throws Exception {
        assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
        send(broker, "orders", "order-1", "주문 접수: 떡볶이 2인분");

        assertThat(readAll(broker, "orders", 1)).containsExactly("주문 접수: 떡볶이 2인분");
    }

    @Test
    void formatsADirectoryWhoseClusterIdStartsWithADash() throws Exception {
        Path dir = root.resolve("dash");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("cluster.id"), "-Ab3kGsMTSW1vZlGrWfYzg");
        try (EmbeddedKafkaBroker dashed = EmbeddedKafkaBroker.start(dir, 0)) {
            send(dashed, "orders", "o-1", "주문 접수");
            assertThat(readAll(dashed, "orders", 1)).containsExactly("주문 접수");
        }
    }

    @Test
    void keepsRecordsAndClusterIdAcrossARestartOnTheSameDirectory() throws Exception {
        send(broker, "deliveries", "d-1", "배달 완료");
        String clusterId = Files.readString(broker.dataDirectory().resolve("cluster.id"));
        long firstPid = broker.pid();
        Path dir = broker.dataDirectory();

        broker.close();
        assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();
        broker = EmbeddedKafkaBroker.start(dir, 0);

        assertThat(Files.readString(dir.resolve("cluster.id"))).isEqualTo(clusterId);
        assertThat(readAll(broker, "deliveries", 1)).containsExactly("배달 완료");
    }

    @Test
    void takesOverADirectoryWhoseBrokerOutlivedAKilledOwner() throws Exception {
        Path dir = root.resolve("orphaned");
        Files.createDirectories(dir);
        Process owner = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        BrokerOwnerProcess.class.getName(),
                        dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            takeOverFrom(owner, dir);
        } finally {
            owner.destroyForcibly(); // a failed assertion must not leave the owner (and its broker) behind
            StaleBroker.stopIfRunning(dir.toAbsolutePath().normalize());
        }
    }

    private static void takeOverFrom(Process owner, Path dir) throws Exception {
        Path ready = dir.resolve("owner-ready");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(ready) && Files.size(ready) > 0);
        long orphanPid = Long.parseLong(
                Files.readString(dir.resolve(EmbeddedKafkaBroker.PID_FILE)).trim());
        send(Files.readString(ready), "meals", "m-1", "냉면");

        owner.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs, the broker lives on
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false))
                .isTrue();

        try (EmbeddedKafkaBroker successor = EmbeddedKafkaBroker.start(
                dir, 0, EmbeddedKafkaBroker.Options.defaults().withEphemeral(true))) {
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false))
                    .isFalse();
            assertThat(readAll(successor, "meals", 1)).containsExactly("냉면");
        }
    }

    @Test
    void aPortInUseFailsNamingThePortAndTheBrokerLog() throws Exception {
        Path dir = root.resolve("busy-port");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dir, taken.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining("broker log: " + dir.resolve("broker.log"));
        }
    }

    @Test
    void aDataDirectoryThatIsAFileFailsNamingTheDirectory() throws Exception {
        Path file = Files.writeString(root.resolve("not-a-directory"), "x");
        assertThatThrownBy(() -> EmbeddedKafkaBroker.start(file, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot create the embedded Kafka data directory " + file);
    }

    @Test
    void rejectsAPortOutOfRangeAndAMalformedHeap() {
        assertThatThrownBy(() -> EmbeddedKafkaBroker.start(root.resolve("x"), 70000))
                .hasMessageContaining("between 0 and 65535, was 70000");
        assertThatThrownBy(() -> EmbeddedKafkaBroker.Options.defaults().withHeap("lots"))
                .hasMessageContaining("was lots");
    }

    static void send(EmbeddedKafkaBroker target, String topic, String key, String value) throws Exception {
        send(target.bootstrapServers(), topic, key, value);
    }

    static void send(String bootstrapServers, String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    static List<String> readAll(EmbeddedKafkaBroker source, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        source.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "test-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return values.size() >= expected;
            });
        }
        return values;
    }
}
