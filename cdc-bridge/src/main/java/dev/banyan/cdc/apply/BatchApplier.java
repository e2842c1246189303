package dev.banyan.cdc.apply;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

import dev.banyan.cdc.config.PipelineConfig;
import dev.banyan.cdc.config.PipelineConfig.RejectPolicy;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies captured changes to the target: idempotently, in batches, one target transaction per batch.
 *
 * <p>Per batch: {@link ChangeFolder} drops changes at or below the stored source position (applied before a restart)
 * and folds the rest per key in source order; then one transaction bumps this pipeline's origin marker, empties
 * truncated tables, writes upserts, updates and deletes table by table ({@link TableWriter}; target foreign keys are
 * deferrable, so table order does not matter), stores the batch's highest source position ({@link AppliedPositions})
 * and commits. A crash before the commit leaves nothing; after it, the position makes the replay a no-op.
 *
 * <p>A batch the target rejects is retried with exponential {@link Backoff}. Connection and serialization failures
 * ({@link TransientFailures}) are retried until they pass. Any other failure, once the attempts are used up, is
 * narrowed down row by row (each row in its own savepoint, constraints checked immediately); the rows the target still
 * rejects then halt the pipeline or go to the {@link DeadLetters}, as configured; the writes of one attempt, in bulk
 * or row by row, are a {@link BatchWrite}. Changes that find no target row
 * follow {@link MissingRows}. Nothing is dropped silently.
 *
 * <p>This class knows nothing about Debezium: any capture that yields {@link RowChange}s can feed it.
 */
public final class BatchApplier {

    private static final Logger log = LoggerFactory.getLogger(BatchApplier.class);

    private final String pipeline;
    private final PipelineConfig config;
    private final DataSource target;
    private final List<TableMapping> tables;
    /** the tables children first (they are configured parents first), so immediate foreign keys hold too */
    private final List<TableMapping> childrenFirst;

    private final ApplyListener listener;
    private final Backoff.Sleeper sleeper;
    private final ChangeFolder folder;
    private final TableWriter writer;
    private final AppliedPositions positions;
    private final DeadLetters deadLetters;
    private final SnapshotKeys snapshotKeys;

    private boolean watermarkLoaded;
    private @Nullable SourcePosition watermark;

    public BatchApplier(PipelineConfig config, DataSource target, List<TableMapping> tables, ApplyListener listener) {
        this(config, target, tables, listener, Thread::sleep);
    }

    public BatchApplier(
            PipelineConfig config,
            DataSource target,
            List<TableMapping> tables,
            ApplyListener listener,
            Backoff.Sleeper sleeper) {
        this.pipeline = config.name();
        this.config = config;
        this.target = target;
        this.tables = List.copyOf(tables);
        List<TableMapping> reversed = new ArrayList<>(tables);
        Collections.reverse(reversed);
        this.childrenFirst = List.copyOf(reversed);
        this.listener = listener;
        this.sleeper = sleeper;
        this.folder = new ChangeFolder(pipeline, this.tables, config.truncate());
        this.writer = new TableWriter(config, new ApplyStatements(config.conflicts()));
        this.positions = new AppliedPositions(pipeline, target);
        this.deadLetters = new DeadLetters(pipeline);
        this.snapshotKeys = new SnapshotKeys(pipeline, target, this.tables);
    }

    /** A new capture run begins (engine start or restart): a snapshot it reads is a new snapshot attempt. */
    public synchronized void newCaptureRun() {
        snapshotKeys.reset();
    }

    /**
     * The snapshot's last record has been applied: removes what interrupted attempts copied and this one did not see.
     * Call before the engine is told the snapshot is complete.
     */
    public synchronized int snapshotCompleted() throws SQLException {
        return snapshotKeys.finish();
    }

    /** The first streamed record of a capture run; finishes a snapshot that ended without a last record. */
    public synchronized int streamingStarted() throws SQLException {
        return snapshotKeys.streamingStarted();
    }

    public boolean maps(String sourceTable) {
        return folder.maps(sourceTable);
    }

    /** The position stored with the last committed batch, or {@code null} before the first streamed batch. */
    public synchronized SourcePosition storedPosition() throws SQLException {
        if (!watermarkLoaded) {
            reloadPosition();
        }
        return watermark;
    }

    /** Forgets the cached position so the next batch reads it from the target again (after an engine restart). */
    public synchronized void reloadPosition() throws SQLException {
        watermark = positions.read();
        watermarkLoaded = true;
    }

    /**
     * Applies {@code changes} (in source order) as one batch.
     *
     * @return the number of changes applied (after replay filtering)
     * @throws PipelineHaltedException when the pipeline must stop; the message says why
     */
    public synchronized int apply(List<RowChange> changes) throws InterruptedException {
        Batch batch = folder.fold(changes, storedPositionWithRetry());
        if (batch.skipped > 0) {
            listener.replaySkipped(batch.skipped);
        }
        if (batch.changes() == 0) {
            return 0;
        }
        int written = applyWithRetry(batch);
        if (batch.position != null) {
            watermark = batch.position;
        } else if (batch.snapshot) {
            watermark = null;
        }
        listener.batchApplied(batch.changes(), written, batch.commitMillis, System.currentTimeMillis());
        return batch.changes();
    }

    private SourcePosition storedPositionWithRetry() throws InterruptedException {
        try {
            return storedPosition();
        } catch (SQLException first) {
            // read again at once: a pooled connection that had gone stale is replaced
        }
        Backoff backoff = Backoff.exponential(
                config.retry().initialBackoff(), config.retry().maxBackoff(), sleeper);
        for (int attempt = 1; ; attempt++) {
            try {
                return storedPosition();
            } catch (SQLException e) {
                listener.attemptFailed(e, true, attempt);
                log.warn(
                        "pipeline '{}': cannot read the stored position from the target (attempt {}): {}",
                        pipeline,
                        attempt,
                        e.getMessage());
                backoff.pause();
            }
        }
    }

    private int applyWithRetry(Batch batch) throws InterruptedException {
        Backoff backoff = Backoff.exponential(
                config.retry().initialBackoff(), config.retry().maxBackoff(), sleeper);
        int failures = 0;
        while (true) {
            try {
                return applyOnce(batch, false);
            } catch (SQLException e) {
                boolean transientError = TransientFailures.isTransient(e);
                if (!transientError) {
                    failures++;
                } else if (batch.position != null && positions.covers(batch.position)) {
                    log.info(
                            "pipeline '{}': the batch up to {} had committed before the connection failed",
                            pipeline,
                            batch.position);
                    return 0;
                }
                listener.attemptFailed(e, transientError, failures);
                if (!transientError && failures >= config.retry().attempts()) {
                    log.warn(
                            "pipeline '{}': batch of {} row(s) failed {} time(s) ({}); applying it row by row to find the rejected record(s)",
                            pipeline,
                            batch.size(),
                            failures,
                            e.getMessage());
                    try {
                        return applyOnce(batch, true);
                    } catch (SQLException isolationFailure) {
                        if (!TransientFailures.isTransient(isolationFailure)) {
                            throw new PipelineHaltedException(
                                    "pipeline '" + pipeline + "' halted: the target failed while "
                                            + "isolating a rejected batch: " + isolationFailure.getMessage(),
                                    isolationFailure);
                        }
                        listener.attemptFailed(isolationFailure, true, failures);
                    }
                } else {
                    log.warn(
                            "pipeline '{}': batch attempt failed ({}{}), retrying in {} ms",
                            pipeline,
                            transientError
                                    ? "transient, "
                                    : "attempt " + failures + " of "
                                            + config.retry().attempts() + ", ",
                            e.getMessage(),
                            backoff.nextMillis());
                }
                backoff.pause();
            }
        }
    }

    /** One attempt in one transaction. {@code isolate}: every row alone in a savepoint, constraints immediate. */
    private int applyOnce(Batch batch, boolean isolate) throws SQLException {
        BatchWrite attempt = new BatchWrite(config, writer, tables, childrenFirst, isolate);
        try (Connection c = target.getConnection()) {
            c.setAutoCommit(false);
            try {
                positions.markOrigin(c);
                if (isolate) {
                    try (Statement st = c.createStatement()) {
                        st.execute("set constraints all immediate");
                    }
                }
                attempt.write(c, batch);
                attempt.missing.haltIfAny();
                if (batch.snapshot) {
                    Set<PendingRow> rejected = new HashSet<>();
                    attempt.rejections.forEach(r -> rejected.add(r.row()));
                    for (TableMapping table : tables) {
                        snapshotKeys.record(
                                c,
                                table,
                                batch.rowsOf(table).stream()
                                        .filter(r -> r.last.isSnapshot() && !rejected.contains(r))
                                        .toList());
                    }
                }
                if (!attempt.rejections.isEmpty()) {
                    if (config.onReject() == RejectPolicy.HALT) {
                        c.rollback();
                        listener.rejected(attempt.rejections.size());
                        throw halt(attempt.rejections);
                    }
                    deadLetters.write(
                            c, attempt.rejections, isolate ? config.retry().attempts() : 1);
                }
                if (!attempt.missing.park.isEmpty()) {
                    deadLetters.write(c, attempt.missing.park, 1);
                }
                if (batch.position != null || batch.resetPosition) {
                    positions.write(c, batch.position, attempt.written);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the connection is gone; the transaction died with it
                }
                throw e;
            }
        }
        attempt.missing.report(listener);
        if (!attempt.rejections.isEmpty()) {
            listener.deadLettered(attempt.rejections.size());
            log.warn(
                    "pipeline '{}': parked {} rejected record(s) in {}.dead_letter; first: {}: {}",
                    pipeline,
                    attempt.rejections.size(),
                    BridgeTables.SCHEMA,
                    attempt.rejections.get(0).row().describe(),
                    attempt.rejections.get(0).reason());
        }
        return attempt.written;
    }

    private PipelineHaltedException halt(List<Rejection> rejections) {
        Rejection first = rejections.get(0);
        return new PipelineHaltedException(
                "pipeline '" + pipeline + "' halted: the target rejected " + rejections.size()
                        + " record(s) after " + config.retry().attempts() + " attempt(s). First: "
                        + first.row().describe() + ": "
                        + first.reason() + (first.sqlState() == null ? "" : " [SQLSTATE " + first.sqlState() + "]")
                        + ". Fix the data or the target schema and restart, or set on-reject: dead-letter to park such records.");
    }
}
