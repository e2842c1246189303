package dev.banyan.delivery.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import dev.banyan.delivery.application.OrderEventHandler;
import dev.banyan.events.EventHeaders;
import dev.banyan.events.EventSchemas;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.TransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * How the consumer of order events fails. Boot's listener container factory picks up the {@link DefaultErrorHandler}
 * declared here:
 * <ul>
 *     <li>an {@link UnreadableEventException} is never retried: the record goes to {@code <topic>.dlt} with header
 *     {@code deadLetterReason}, {@code banyan_events_dead_lettered_total{topic,reason}} counts it, and the
 *     consumer goes on with the next record;</li>
 *     <li>a database failure is not the record's fault: it is retried with a growing pause (up to 10 s) for as long
 *     as it takes, and never dead-lettered;</li>
 *     <li>anything else (a bug) is retried twice, then dead-lettered with reason {@code handler-failed}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class OrderEventsConfiguration {

    static final String DEAD_LETTERED_METRIC = "banyan.events.dead.lettered";
    static final String HANDLER_FAILED = "handler-failed";
    private static final Logger log = LoggerFactory.getLogger(OrderEventsConfiguration.class);

    @Bean
    OrderEventsListener orderEventsListener(OrderEventHandler handler) {
        return new OrderEventsListener(new OrderEventReader(EventSchemas.load()), handler);
    }

    @Bean
    DefaultErrorHandler orderEventsErrorHandler(KafkaOperations<?, ?> kafka, MeterRegistry meters) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(
                kafka, (record, e) -> new TopicPartition(EventHeaders.deadLetterTopic(record.topic()), -1));
        deadLetters.setHeadersFunction((record, e) -> new RecordHeaders()
                .add(EventHeaders.DEAD_LETTER_REASON, reasonText(e).getBytes(StandardCharsets.UTF_8)));
        ConsumerRecordRecoverer countingDeadLetters = (record, e) -> {
            deadLetters.accept(record, e);
            String reason = reasonCode(e);
            log.warn(
                    "Dead-lettered {}-{}@{} to {}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    EventHeaders.deadLetterTopic(record.topic()),
                    reasonText(e));
            Counter.builder(DEAD_LETTERED_METRIC)
                    .description("Events moved to a dead-letter topic, by topic and reason")
                    .tag("topic", record.topic())
                    .tag("reason", reason)
                    .register(meters)
                    .increment();
        };
        DefaultErrorHandler errors = new DefaultErrorHandler(countingDeadLetters, new FixedBackOff(1000, 2));
        errors.addNotRetryableExceptions(UnreadableEventException.class);
        errors.setBackOffFunction(OrderEventsConfiguration::backOff);
        errors.setCommitRecovered(true);
        return errors;
    }

    /** Unlimited, growing pauses while the database is unavailable; the default (two retries) otherwise. */
    static @Nullable BackOff backOff(ConsumerRecord<?, ?> record, Exception e) {
        if (isDatabaseFailure(e)) {
            ExponentialBackOff untilTheDatabaseIsBack = new ExponentialBackOff(500, 2.0);
            untilTheDatabaseIsBack.setMaxInterval(10_000);
            return untilTheDatabaseIsBack;
        }
        return null;
    }

    static boolean isDatabaseFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessException
                    || cause instanceof TransactionException
                    || cause instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable UnreadableEventException unreadable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnreadableEventException unreadable) {
                return unreadable;
            }
        }
        return null;
    }

    static String reasonCode(Throwable e) {
        UnreadableEventException unreadable = unreadable(e);
        return unreadable == null ? HANDLER_FAILED : unreadable.reason().code();
    }

    static String reasonText(Throwable e) {
        UnreadableEventException unreadable = unreadable(e);
        if (unreadable != null) {
            return unreadable.getMessage();
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return HANDLER_FAILED + ": " + root;
    }
}
