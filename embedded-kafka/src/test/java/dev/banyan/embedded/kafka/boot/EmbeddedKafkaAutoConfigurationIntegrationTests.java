package dev.banyan.embedded.kafka.boot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.banyan.embedded.kafka.EmbeddedKafkaBroker;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedKafkaAutoConfigurationIntegrationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(EmbeddedKafkaAutoConfiguration.class, KafkaAutoConfiguration.class));

    @Test
    void startsABrokerAndHandsItsAddressToBootsKafkaTemplate() {
        runner.withPropertyValues(
                        "banyan.embedded-kafka.port=0",
                        "banyan.embedded-kafka.ephemeral=true",
                        "spring.kafka.producer.key-serializer=org.apache.kafka.common.serialization.StringSerializer",
                        "spring.kafka.producer.value-serializer=org.apache.kafka.common.serialization.StringSerializer")
                .run(context -> {
                    EmbeddedKafkaBroker broker = context.getBean(EmbeddedKafkaBroker.class);
                    assertThat(context.getBean(KafkaConnectionDetails.class).getBootstrapServers())
                            .containsExactly(broker.bootstrapServers());
                    assertThat(context.getEnvironment().getProperty("spring.kafka.bootstrap-servers"))
                            .isEqualTo(broker.bootstrapServers());

                    @SuppressWarnings("unchecked")
                    KafkaTemplate<String, String> template = context.getBean(KafkaTemplate.class);
                    template.send("menu", "m-1", "김치찌개 9,000원").get();
                    assertThat(consumeOne(broker.bootstrapServers(), "menu")).isEqualTo("김치찌개 9,000원");
                });
    }

    @Test
    void startsNoBrokerWhenSpringKafkaBootstrapServersIsSet() {
        runner.withPropertyValues("spring.kafka.bootstrap-servers=kafka.example:9092")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(EmbeddedKafkaBroker.class);
                    assertThat(context.getBean(KafkaConnectionDetails.class).getBootstrapServers())
                            .containsExactly("kafka.example:9092");
                });
    }

    @Test
    void startsNoBrokerWhenOurOwnBootstrapServersIsSet() {
        runner.withPropertyValues("banyan.embedded-kafka.bootstrap-servers=kafka.example:9092")
                .run(context -> assertThat(context).doesNotHaveBean(EmbeddedKafkaBroker.class));
    }

    @Test
    void canBeSwitchedOff() {
        runner.withPropertyValues("banyan.embedded-kafka.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(EmbeddedKafkaBroker.class));
    }

    @Test
    void rejectsAPortOutOfRangeNamingTheProperty() {
        runner.withPropertyValues("banyan.embedded-kafka.port=70000")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("banyan.embedded-kafka.port"));
    }

    @Test
    void defaultsToPort19092UnderDotBanyanKafka() {
        EmbeddedKafkaProperties defaults = new EmbeddedKafkaProperties(null, null, null, null, null, null);
        assertThat(defaults.port()).isEqualTo(19092);
        assertThat(defaults.dataDir()).isEqualTo(Path.of(".banyan", "kafka"));
        assertThat(defaults.heap()).isEqualTo("512m");
    }

    private static String consumeOne(String bootstrapServers, String topic) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG, "auto-configuration-test",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return !values.isEmpty();
            });
        }
        return values.get(0);
    }
}
