package dev.banyan.cdc.metrics;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The meters of an outbox pipeline, tagged {@code pipeline=<name>}. On {@code /actuator/prometheus} they read:
 * <ul>
 *   <li>{@code banyan_cdc_outbox_published_total}: events Kafka acknowledged (a row published again after a crash
 *   counts again)</li>
 *   <li>{@code banyan_cdc_outbox_dead_lettered_total}: malformed rows sent to a dead-letter topic instead</li>
 *   <li>{@code banyan_cdc_outbox_pruned_total}: rows deleted from the outbox table after their acknowledgement</li>
 *   <li>{@code banyan_cdc_outbox_broker_errors_total}: failed publication attempts (each retried)</li>
 *   <li>{@code banyan_cdc_outbox_broker_available}: 1 while Kafka acknowledges, 0 while publication waits for it</li>
 *   <li>{@code banyan_cdc_lag_milliseconds}: source commit to Kafka acknowledgement of the latest event</li>
 *   <li>{@code banyan_cdc_slot_retained_wal_bytes}, {@code banyan_cdc_up}: as for table pipelines</li>
 * </ul>
 */
public final class OutboxMetrics {

    private final Counter published;
    private final Counter deadLettered;
    private final Counter pruned;
    private final Counter brokerErrors;
    private final AtomicLong brokerAvailable = new AtomicLong(1);
    private final AtomicLong lagMillis = new AtomicLong(-1);
    private final AtomicLong retainedWalBytes = new AtomicLong(-1);
    private final AtomicLong up = new AtomicLong(0);

    public OutboxMetrics(MeterRegistry registry, String pipeline) {
        published = counter(registry, pipeline, "banyan.cdc.outbox.published", "events Kafka acknowledged");
        deadLettered = counter(
                registry,
                pipeline,
                "banyan.cdc.outbox.dead.lettered",
                "malformed outbox rows sent to a dead-letter topic");
        pruned = counter(registry, pipeline, "banyan.cdc.outbox.pruned", "outbox rows deleted after acknowledgement");
        brokerErrors = counter(
                registry, pipeline, "banyan.cdc.outbox.broker.errors", "failed publication attempts, each retried");
        gauge(registry, pipeline, "banyan.cdc.outbox.broker.available", brokerAvailable, "1 while Kafka acknowledges");
        gauge(registry, pipeline, "banyan.cdc.lag.milliseconds", lagMillis, "source commit to Kafka acknowledgement");
        gauge(registry, pipeline, "banyan.cdc.slot.retained.wal.bytes", retainedWalBytes, "WAL the slot keeps");
        gauge(registry, pipeline, "banyan.cdc.up", up, "1 while the pipeline runs");
    }

    private static Counter counter(MeterRegistry registry, String pipeline, String name, String description) {
        return Counter.builder(name)
                .description(description)
                .tag("pipeline", pipeline)
                .register(registry);
    }

    private static void gauge(
            MeterRegistry registry, String pipeline, String name, AtomicLong value, String description) {
        Gauge.builder(name, value, AtomicLong::get)
                .description(description)
                .tag("pipeline", pipeline)
                .register(registry);
    }

    /** {@code events} were acknowledged; the newest of them committed on the source at {@code commitMillis}. */
    public void published(int events, int deadLetters, long commitMillis) {
        published.increment(events);
        deadLettered.increment(deadLetters);
        if (commitMillis > 0) {
            lagMillis.set(Math.max(0, System.currentTimeMillis() - commitMillis));
        }
        brokerAvailable.set(1);
    }

    public void heartbeat(long commitMillis) {
        if (commitMillis > 0) {
            lagMillis.set(Math.max(0, System.currentTimeMillis() - commitMillis));
        }
    }

    public void pruned(int rows) {
        pruned.increment(rows);
    }

    public void brokerError() {
        brokerErrors.increment();
        brokerAvailable.set(0);
    }

    public void retainedWalBytes(long bytes) {
        retainedWalBytes.set(bytes);
    }

    public void up(boolean running) {
        up.set(running ? 1 : 0);
    }

    public boolean brokerAvailable() {
        return brokerAvailable.get() == 1;
    }

    public double publishedCount() {
        return published.count();
    }

    public double deadLetteredCount() {
        return deadLettered.count();
    }

    public double prunedCount() {
        return pruned.count();
    }

    public double brokerErrorCount() {
        return brokerErrors.count();
    }

    public long lagMillis() {
        return lagMillis.get();
    }

    public long retainedWalBytes() {
        return retainedWalBytes.get();
    }
}
