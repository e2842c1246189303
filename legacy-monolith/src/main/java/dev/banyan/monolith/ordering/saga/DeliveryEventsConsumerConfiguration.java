package dev.banyan.monolith.ordering.saga;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import dev.banyan.events.EventHeaders;
import dev.banyan.events.EventSchemas;
import dev.banyan.monolith.ordering.domain.DeliverySaga;
import dev.banyan.monolith.shared.IllegalTransitionException;
import dev.banyan.monolith.shared.NotFoundException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The consumer of {@code banyan.delivery.events}, only with {@code banyan.events.consumer.enabled=true} (the monolith
 * alone needs no broker). Offsets are committed per record after its handler's transaction ({@code AckMode.RECORD},
 * no auto-commit), only committed producer transactions are read. A record that can never be applied (headers,
 * schema, unknown order, a transition its order refuses) goes to {@code banyan.delivery.events.dlt} with the header
 * {@code deadLetterReason} and is counted in {@code banyan_events_dead_lettered_total{topic,reason}}; anything else,
 * such as a database that is down, is retried with backoff for as long as it takes and never dead-lettered.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("banyan.events.consumer.enabled")
class DeliveryEventsConsumerConfiguration {

    static final String CONTAINER_FACTORY = "deliveryEventsContainerFactory";

    private static final Logger log = LoggerFactory.getLogger(DeliveryEventsConsumerConfiguration.class);

    @Bean
    DeliveryEventsListener deliveryEventsListener(DeliverySaga saga) {
        return new DeliveryEventsListener(new DeliveryEventReader(EventSchemas.load()), saga);
    }

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, String> deliveryEventsContainerFactory(
            ConsumerFactory<?, ?> bootConsumerFactory, KafkaTemplate<Object, Object> template, MeterRegistry meters) {
        // Boot's settings (bootstrap servers, security) plus what this consumer's guarantees rely on.
        Map<String, Object> config = new HashMap<>(bootConsumerFactory.getConfigurationProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, DeliveryEventsListener.GROUP);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        ConsumerFactory<String, String> consumers =
                new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new StringDeserializer());
        ConcurrentKafkaListenerContainerFactory<String, String> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumers);
        factory.getContainerProperties().setAckMode(AckMode.RECORD);
        factory.setCommonErrorHandler(errorHandler(template, meters));
        return factory;
    }

    static DefaultErrorHandler errorHandler(KafkaTemplate<Object, Object> template, MeterRegistry meters) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(
                template, (record, e) -> new TopicPartition(EventHeaders.deadLetterTopic(record.topic()), -1));
        deadLetters.setHeadersFunction((record, e) -> {
            RecordHeaders headers = new RecordHeaders();
            headers.add(EventHeaders.DEAD_LETTER_REASON, reason(e).getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        // Never gives up on a retryable failure: a database that is down delays events, it must not lose them.
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, e) -> {
                    ConsumerRecord<?, ?> failed = record;
                    log.warn(
                            "Dead-lettering {}-{}@{}: {}",
                            failed.topic(),
                            failed.partition(),
                            failed.offset(),
                            reason(e));
                    deadLetters.accept(failed, e);
                    Counter.builder("banyan.events.dead.lettered")
                            .description("Events sent to the dead-letter topic because they cannot be applied")
                            .tag("topic", failed.topic())
                            .tag("reason", kind(e))
                            .register(meters)
                            .increment();
                },
                backOff);
        handler.addNotRetryableExceptions(
                InvalidEventException.class, NotFoundException.class, IllegalTransitionException.class);
        return handler;
    }

    /** The cause the listener threw, without the container's wrapping. */
    private static Throwable cause(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null
                && !(cause instanceof InvalidEventException
                        || cause instanceof NotFoundException
                        || cause instanceof IllegalTransitionException)) {
            cause = cause.getCause();
        }
        return cause;
    }

    static String reason(Exception e) {
        return cause(e).getMessage();
    }

    static String kind(Exception e) {
        Throwable cause = cause(e);
        if (cause instanceof InvalidEventException invalid) {
            return invalid.kind();
        }
        if (cause instanceof NotFoundException) {
            return "unknown-order";
        }
        if (cause instanceof IllegalTransitionException) {
            return "illegal-transition";
        }
        return "other";
    }
}
