package dev.banyan.cdc.engine;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The last engine offset the pipeline declared safe: every change read before it has committed in the target. The
 * offset store persists nothing beyond it, so whatever record the engine is told to acknowledge, a stored offset never
 * runs ahead of the target.
 *
 * <p>PostgreSQL connector offsets resume by {@code lsn_proc} (the last change processed, possibly inside a transaction),
 * {@code lsn} and {@code lsn_commit} (the last commit processed, flushed to the slot). An offset is covered when none of
 * them lies past the declared one's.
 */
final class AppliedOffsets {

    private static final String[] POSITIONS = {"lsn_proc", "lsn", "lsn_commit"};

    private volatile Map<String, ?> applied;

    void declareApplied(Map<String, ?> offset) {
        if (offset != null) {
            applied = offset;
        }
    }

    /** Is {@code offset} at or before the last offset declared applied? */
    boolean covers(Map<?, ?> offset) {
        Map<String, ?> safe = applied;
        if (safe == null) {
            return false;
        }
        for (String key : POSITIONS) {
            Long candidate = number(offset.get(key));
            Long limit = number(safe.get(key));
            if (candidate != null && (limit == null || Long.compareUnsigned(candidate, limit) > 0)) {
                return false;
            }
        }
        return true;
    }

    private static @Nullable Long number(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }
}
