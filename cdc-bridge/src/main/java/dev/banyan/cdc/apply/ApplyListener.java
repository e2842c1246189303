package dev.banyan.cdc.apply;

import java.sql.SQLException;

/** What the applier tells the outside world (metrics, health). All methods are optional. */
public interface ApplyListener {

    ApplyListener NONE = new ApplyListener() {};

    /**
     * A batch committed.
     *
     * @param changes       changes in the batch after replay filtering
     * @param rowsWritten   target rows inserted, updated or deleted (unchanged rows and lost conflicts do not count)
     * @param commitMillis  source commit time of every applied change, for lag
     * @param appliedMillis when the target transaction committed
     */
    default void batchApplied(int changes, int rowsWritten, long[] commitMillis, long appliedMillis) {}

    /** Changes at or below the stored position were skipped because they were applied before a restart. */
    default void replaySkipped(int changes) {}

    /** A batch attempt failed and will be retried. */
    default void attemptFailed(SQLException error, boolean transientError, int attempt) {}

    /** Records were parked in the dead-letter table. */
    default void deadLettered(int records) {}

    /**
     * Changes found no target row with their key.
     *
     * @param op      {@code update} or {@code delete}
     * @param outcome {@code upserted} (re-created from the full row), {@code dead-letter}, {@code halt} or
     *                {@code skipped} (a delete with nothing to delete; under last-writer-wins, a row deleted on the target side)
     */
    default void missingRows(String op, String outcome, int count) {}

    /** Records were rejected and the pipeline halts. */
    default void rejected(int records) {}
}
