package dev.banyan.cdc.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.banyan.cdc.config.OutboxPipelineConfig;
import dev.banyan.cdc.metrics.OutboxMetrics;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a list of records and returns only once Kafka acknowledged every one of them ({@code acks=all},
 * {@code enable.idempotence=true}). While the broker cannot be reached it retries the whole list, in order, with
 * exponential backoff, for as long as it takes: nothing is skipped and the caller's offsets do not move meanwhile.
 * A record Kafka can never take (too large, an invalid topic, no permission) is not retried but reported.
 *
 * <p>A retry after a partly acknowledged attempt sends the acknowledged records again (a new producer, a new
 * idempotence session): duplicates, never gaps; consumers dedupe by the {@code id} header.
 */
public final class KafkaPublisher implements AutoCloseable {

    /** A record Kafka refuses for good: retrying cannot help. */
    public static final class PermanentFailure extends RuntimeException {
        PermanentFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(KafkaPublisher.class);

    private final String pipeline;
    private final Map<String, Object> producerConfig;
    private final OutboxPipelineConfig.Backoff backoff;
    private final OutboxMetrics metrics;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final long attemptMillis;
    private @Nullable KafkaProducer<String, String> producer;
    private volatile @Nullable String lastError;

    public KafkaPublisher(OutboxPipelineConfig config, OutboxMetrics metrics) {
        this.pipeline = config.name();
        this.backoff = config.retry();
        this.metrics = metrics;
        Map<String, Object> p = new HashMap<>();
        // throughput defaults and a bounded wait per attempt; the YAML's kafka.properties override them
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "131072");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "banyan-cdc-" + config.name());
        p.putAll(config.kafka().properties());
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producerConfig = Map.copyOf(p);
        this.attemptMillis = Long.parseLong(String.valueOf(p.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG))) + 2_000;
    }

    /**
     * Sends {@code records} in order and waits until Kafka acknowledged all of them, retrying until it does.
     *
     * @throws InterruptedException when the publisher is closed while waiting
     * @throws PermanentFailure when Kafka refuses a record for good
     */
    public void publishAll(List<ProducerRecord<String, String>> records) throws InterruptedException {
        long delay = backoff.initial().toMillis();
        while (true) {
            if (closed.getCount() == 0) {
                throw new InterruptedException("pipeline '" + pipeline + "': publisher closed");
            }
            Throwable failure;
            try {
                sendAndAwait(records);
                if (lastError != null) {
                    log.info("pipeline '{}': Kafka acknowledges again; publication resumed", pipeline);
                    lastError = null;
                }
                return;
            } catch (ExecutionException e) {
                failure = e.getCause() == null ? e : e.getCause();
            } catch (KafkaException e) {
                failure = e;
            } catch (TimeoutException e) {
                failure = new TimeoutException("no acknowledgement within " + attemptMillis + " ms");
            }
            if (failure instanceof RecordTooLargeException
                    || failure instanceof InvalidTopicException
                    || failure instanceof AuthorizationException
                    || failure instanceof UnsupportedVersionException) {
                discardProducer();
                throw new PermanentFailure(
                        "pipeline '" + pipeline + "': Kafka refuses a record for good: " + failure, failure);
            }
            metrics.brokerError();
            if (lastError == null) {
                log.warn(
                        "pipeline '{}': Kafka did not acknowledge ({}); publication waits and retries every {} ms"
                                + " up to {}; nothing is skipped",
                        pipeline,
                        failure.toString(),
                        delay,
                        backoff.max());
            }
            lastError = failure.toString();
            discardProducer();
            if (closed.await(delay, TimeUnit.MILLISECONDS)) {
                throw new InterruptedException("pipeline '" + pipeline + "': publisher closed");
            }
            delay = Math.min(delay * 2, backoff.max().toMillis());
        }
    }

    /**
     * Sends and waits for every acknowledgement, at most {@code delivery.timeout.ms} plus a margin: the producer is
     * meant to fail its sends by then, and an attempt that outlives it anyway is abandoned (its producer discarded).
     */
    private void sendAndAwait(List<ProducerRecord<String, String>> records)
            throws ExecutionException, InterruptedException, TimeoutException {
        KafkaProducer<String, String> p = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        for (ProducerRecord<String, String> record : records) {
            acks.add(p.send(record));
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(attemptMillis);
        for (Future<RecordMetadata> ack : acks) {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig);
        }
        return producer;
    }

    /** A failed producer may hold records it will still retry: drop it, so the next attempt starts clean. */
    private synchronized void discardProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    /** The last failure while Kafka does not acknowledge, {@code null} while it does. */
    public @Nullable String lastError() {
        return lastError;
    }

    @Override
    public void close() {
        closed.countDown();
        discardProducer();
    }
}
