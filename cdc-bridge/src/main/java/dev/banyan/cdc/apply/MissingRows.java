package dev.banyan.cdc.apply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.banyan.cdc.config.PipelineConfig;
import dev.banyan.cdc.config.PipelineConfig.ConflictPolicy;
import dev.banyan.cdc.config.PipelineConfig.MissingRowPolicy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes of one apply attempt that found no target row with their key, by what happens to them: under source-wins
 * the {@code missing-row} policy decides (re-create, dead-letter, halt); under last-writer-wins the row was deleted on
 * the target side and the delete wins, so they are counted and skipped.
 */
final class MissingRows {

    private static final Logger log = LoggerFactory.getLogger(MissingRows.class);

    private final String pipeline;
    private final PipelineConfig config;
    final List<Rejection> park = new ArrayList<>();
    private final List<Rejection> halt = new ArrayList<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private String first;

    MissingRows(PipelineConfig config) {
        this.pipeline = config.name();
        this.config = config;
    }

    /** Whether updates carrying the full row re-create a missing row (upsert) rather than update existing rows only. */
    static boolean recreates(PipelineConfig config) {
        return sourceWins(config) && config.missingRow() == MissingRowPolicy.UPSERT;
    }

    /** Whether each delete must be checked for its row first (the policy treats absent rows individually). */
    static boolean checksDeletes(PipelineConfig config) {
        return sourceWins(config) && config.missingRow() != MissingRowPolicy.UPSERT;
    }

    private static boolean sourceWins(PipelineConfig config) {
        return config.conflicts().policy() == ConflictPolicy.SOURCE_WINS;
    }

    void count(String op, String outcome, String description, int n) {
        if (n <= 0) {
            return;
        }
        counts.merge(op + ":" + outcome, n, Integer::sum);
        if (first == null) {
            first = description;
        }
    }

    /** A missing row under the policies that do not re-create it. */
    void missing(PendingRow row, String op, String reason) {
        String outcome =
                !sourceWins(config) ? "skipped" : config.missingRow() == MissingRowPolicy.HALT ? "halt" : "dead-letter";
        count(op, outcome, row.describe(), 1);
        Rejection r = new Rejection(
                row,
                reason + " (missing-row: "
                        + config.missingRow().name().toLowerCase().replace('_', '-') + ")",
                null);
        if (outcome.equals("halt")) {
            halt.add(r);
        } else if (outcome.equals("dead-letter")) {
            park.add(r);
        }
    }

    /** @throws PipelineHaltedException when a missing row halts the pipeline under {@code missing-row: halt} */
    void haltIfAny() {
        if (halt.isEmpty()) {
            return;
        }
        Rejection r = halt.get(0);
        throw new PipelineHaltedException("pipeline '" + pipeline + "' halted: " + halt.size()
                + " change(s) found no row "
                + "with their key in the target. First: " + r.row().describe() + ": " + r.reason() + ". The target "
                + "lacks rows the source has (a dead-lettered insert, a table that was never backfilled, snapshot: never): "
                + "backfill them, or set missing-row: upsert or dead-letter, then restart.");
    }

    /** After the commit: counts to the listener, one warning line. */
    void report(ApplyListener listener) {
        if (counts.isEmpty()) {
            return;
        }
        counts.forEach((key, n) -> {
            String[] parts = key.split(":");
            listener.missingRows(parts[0], parts[1], n);
        });
        log.warn("pipeline '{}': change(s) for rows the target lacks {}; first: {}", pipeline, counts, first);
    }
}
