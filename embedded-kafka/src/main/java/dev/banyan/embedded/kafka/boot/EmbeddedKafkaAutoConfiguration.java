package dev.banyan.embedded.kafka.boot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.banyan.embedded.kafka.EmbeddedKafkaBroker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The embedded default: with no {@code spring.kafka.bootstrap-servers} (nor
 * {@code banyan.embedded-kafka.bootstrap-servers}), start a real Kafka broker and hand its address to Boot, both as
 * {@link KafkaConnectionDetails} (so Boot's Kafka auto-configuration, templates and listeners use it) and as the
 * {@code spring.kafka.bootstrap-servers} property (for code that builds its own clients).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@Conditional(EmbeddedKafkaAutoConfiguration.NoExternalCluster.class)
@ConditionalOnProperty(name = "banyan.embedded-kafka.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(EmbeddedKafkaProperties.class)
public class EmbeddedKafkaAutoConfiguration {

    static final String PROPERTY_SOURCE = "banyanEmbeddedKafka";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedKafkaBroker embeddedKafkaBroker(EmbeddedKafkaProperties properties, ConfigurableEnvironment environment)
            throws Exception {
        Path dataDir =
                properties.ephemeral() ? Files.createTempDirectory("banyan-embedded-kafka-") : properties.dataDir();
        // The context stops the broker after every bean that uses it, so no shutdown hook of its own.
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(
                dataDir,
                properties.port(),
                EmbeddedKafkaBroker.Options.defaults()
                        .withHeap(properties.heap())
                        .withEphemeral(properties.ephemeral())
                        .withStopOnJvmExit(false));
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        PROPERTY_SOURCE, Map.of("spring.kafka.bootstrap-servers", broker.bootstrapServers())));
        log.info(
                "Embedded Kafka: {} (data in {}, log in {})",
                broker.bootstrapServers(),
                broker.dataDirectory(),
                broker.logFile());
        return broker;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails")
    static class BootKafkaConnection {

        @Bean
        KafkaConnectionDetails embeddedKafkaConnectionDetails(EmbeddedKafkaBroker broker) {
            List<String> servers = List.of(broker.bootstrapServers());
            return () -> servers;
        }
    }

    static final class NoExternalCluster implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return blank(context, "spring.kafka.bootstrap-servers")
                    && blank(context, "banyan.embedded-kafka.bootstrap-servers");
        }

        private static boolean blank(ConditionContext context, String property) {
            String value = context.getEnvironment().getProperty(property);
            return value == null || value.isBlank();
        }
    }
}
