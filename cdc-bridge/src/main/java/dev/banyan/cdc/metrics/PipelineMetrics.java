package dev.banyan.cdc.metrics;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.banyan.cdc.apply.ApplyListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The pipeline's meters, tagged {@code pipeline=<name>}. On {@code /actuator/prometheus} they read:
 * <ul>
 *   <li>{@code banyan_cdc_lag_milliseconds}: source commit to target apply, of the latest applied change or heartbeat</li>
 *   <li>{@code banyan_cdc_apply_lag_seconds} (summary with p50/p99): the same, per change</li>
 *   <li>{@code banyan_cdc_rows_per_second}: changes applied per second over the last 10 s</li>
 *   <li>{@code banyan_cdc_rows_applied_total}, {@code banyan_cdc_rows_written_total}</li>
 *   <li>{@code banyan_cdc_batch_size} (summary)</li>
 *   <li>{@code banyan_cdc_errors_total{kind=transient|rejected-attempt|rejected|dead-letter|engine}}</li>
 *   <li>{@code banyan_cdc_slot_retained_wal_bytes}: WAL the replication slot keeps on the source</li>
 *   <li>{@code banyan_cdc_missing_rows_total{op=update|delete,outcome=upserted|dead-letter|halt|skipped}}: changes
 *   that found no target row with their key</li>
 *   <li>{@code banyan_cdc_held_changes}: changes of a source transaction still being read, not yet applied</li>
 *   <li>{@code banyan_cdc_echo_suppressed_total}, {@code banyan_cdc_replay_skipped_total}, {@code banyan_cdc_up}</li>
 * </ul>
 */
public final class PipelineMetrics implements ApplyListener {

    private final Counter rowsApplied;
    private final Counter rowsWritten;
    private final Counter transientErrors;
    private final Counter rejectedAttempts;
    private final Counter rejected;
    private final Counter deadLetters;
    private final Counter engineErrors;
    private final Counter echoSuppressed;
    private final Counter replaySkipped;
    private final DistributionSummary batchSize;
    private final Timer applyLag;
    private final AtomicLong lagMillis = new AtomicLong(-1);
    private final AtomicLong retainedWalBytes = new AtomicLong(-1);
    private final AtomicLong up = new AtomicLong(0);
    private final AtomicLong held = new AtomicLong(0);
    private final Deque<long[]> window = new ArrayDeque<>();
    private final MeterRegistry registry;
    private final String pipeline;
    private long windowCount;

    public PipelineMetrics(MeterRegistry registry, String pipeline) {
        this.registry = registry;
        this.pipeline = pipeline;
        rowsApplied = Counter.builder("banyan.cdc.rows.applied")
                .description("changes applied to the target")
                .tag("pipeline", pipeline)
                .register(registry);
        rowsWritten = Counter.builder("banyan.cdc.rows.written")
                .description("target rows inserted, updated or deleted")
                .tag("pipeline", pipeline)
                .register(registry);
        transientErrors = error(registry, pipeline, "transient");
        rejectedAttempts = error(registry, pipeline, "rejected-attempt");
        rejected = error(registry, pipeline, "rejected");
        deadLetters = error(registry, pipeline, "dead-letter");
        engineErrors = error(registry, pipeline, "engine");
        echoSuppressed = Counter.builder("banyan.cdc.echo.suppressed")
                .description("changes dropped because the bridge itself wrote them (loop prevention)")
                .tag("pipeline", pipeline)
                .register(registry);
        replaySkipped = Counter.builder("banyan.cdc.replay.skipped")
                .description("changes skipped because they were at or below the stored position")
                .tag("pipeline", pipeline)
                .register(registry);
        batchSize = DistributionSummary.builder("banyan.cdc.batch.size")
                .description("changes per applied batch")
                .tag("pipeline", pipeline)
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        applyLag = Timer.builder("banyan.cdc.apply.lag")
                .description("source commit to target commit, per change")
                .tag("pipeline", pipeline)
                .publishPercentiles(0.5, 0.99)
                .distributionStatisticExpiry(Duration.ofMinutes(1))
                .register(registry);
        Gauge.builder("banyan.cdc.lag.milliseconds", lagMillis, AtomicLong::get)
                .description("source commit to target apply of the latest change or heartbeat")
                .tag("pipeline", pipeline)
                .register(registry);
        Gauge.builder("banyan.cdc.slot.retained.wal.bytes", retainedWalBytes, AtomicLong::get)
                .description("WAL bytes the pipeline's replication slot keeps on the source")
                .tag("pipeline", pipeline)
                .register(registry);
        Gauge.builder("banyan.cdc.rows.per.second", this, PipelineMetrics::rowsPerSecond)
                .description("changes applied per second over the last 10 seconds")
                .tag("pipeline", pipeline)
                .register(registry);
        for (String outcome : new String[] {"upserted", "dead-letter", "halt", "skipped"}) {
            missingRows("update", outcome, 0);
            if (!outcome.equals("upserted")) {
                missingRows("delete", outcome, 0);
            }
        }
        Gauge.builder("banyan.cdc.held.changes", held, AtomicLong::get)
                .description("changes of a source transaction still being read, held until its end")
                .tag("pipeline", pipeline)
                .register(registry);
        Gauge.builder("banyan.cdc.up", up, AtomicLong::get)
                .description("1 while the pipeline runs")
                .tag("pipeline", pipeline)
                .register(registry);
    }

    private static Counter error(MeterRegistry registry, String pipeline, String kind) {
        return Counter.builder("banyan.cdc.errors")
                .description("errors by kind")
                .tag("pipeline", pipeline)
                .tag("kind", kind)
                .register(registry);
    }

    @Override
    public void batchApplied(int changes, int written, long[] commitMillis, long appliedMillis) {
        rowsApplied.increment(changes);
        rowsWritten.increment(written);
        batchSize.record(changes);
        long latest = Long.MIN_VALUE;
        for (long commit : commitMillis) {
            applyLag.record(Math.max(0, appliedMillis - commit), TimeUnit.MILLISECONDS);
            latest = Math.max(latest, commit);
        }
        if (commitMillis.length > 0) {
            lagMillis.set(Math.max(0, appliedMillis - latest));
        }
        synchronized (window) {
            window.addLast(new long[] {appliedMillis, changes});
            windowCount += changes;
            trim(appliedMillis);
        }
    }

    @Override
    public void replaySkipped(int changes) {
        replaySkipped.increment(changes);
    }

    @Override
    public void attemptFailed(SQLException error, boolean transientError, int attempt) {
        (transientError ? transientErrors : rejectedAttempts).increment();
    }

    @Override
    public void deadLettered(int records) {
        deadLetters.increment(records);
    }

    @Override
    public void missingRows(String op, String outcome, int count) {
        Counter.builder("banyan.cdc.missing.rows")
                .description("changes that found no target row with their key")
                .tag("pipeline", pipeline)
                .tag("op", op)
                .tag("outcome", outcome)
                .register(registry)
                .increment(count);
    }

    public double missingRowsCount(String op, String outcome) {
        Counter counter = registry.find("banyan.cdc.missing.rows")
                .tag("pipeline", pipeline)
                .tag("op", op)
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void rejected(int records) {
        rejected.increment(records);
    }

    public void heartbeat(long commitMillis) {
        lagMillis.set(Math.max(0, System.currentTimeMillis() - commitMillis));
    }

    public void echoSuppressed(int changes) {
        echoSuppressed.increment(changes);
    }

    public void engineError() {
        engineErrors.increment();
    }

    public void retainedWalBytes(long bytes) {
        retainedWalBytes.set(bytes);
    }

    public void heldChanges(int changes) {
        held.set(changes);
    }

    public void up(boolean running) {
        up.set(running ? 1 : 0);
    }

    public long lagMillis() {
        return lagMillis.get();
    }

    public long retainedWalBytes() {
        return retainedWalBytes.get();
    }

    public double echoSuppressedCount() {
        return echoSuppressed.count();
    }

    public double rowsAppliedCount() {
        return rowsApplied.count();
    }

    public double replaySkippedCount() {
        return replaySkipped.count();
    }

    public double rowsPerSecond() {
        long now = System.currentTimeMillis();
        synchronized (window) {
            trim(now);
            return windowCount / 10.0;
        }
    }

    private void trim(long now) {
        while (!window.isEmpty() && window.peekFirst()[0] < now - 10_000) {
            windowCount -= window.removeFirst()[1];
        }
    }
}
