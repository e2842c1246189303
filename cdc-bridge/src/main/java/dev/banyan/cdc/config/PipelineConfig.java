package dev.banyan.cdc.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One pipeline: a source database, a target database and the mapped tables between them. {@code debezium} holds the
 * connector properties passed through unchanged (never one that {@link ConnectorProperties} says the bridge owns).
 */
public record PipelineConfig(
        String name,
        DatabaseEndpoint source,
        DatabaseEndpoint target,
        String slot,
        String publication,
        SnapshotMode snapshot,
        int batchSize,
        Duration heartbeatInterval,
        RejectPolicy onReject,
        Retry retry,
        Conflicts conflicts,
        List<TableConfig> tables,
        TruncatePolicy truncate,
        MissingRowPolicy missingRow,
        Map<String, String> debezium) {

    public enum SnapshotMode {
        /** backfill the target from a consistent snapshot on first start, then stream */
        INITIAL,
        /** stream changes only, from the moment the slot is created */
        NEVER
    }

    public enum RejectPolicy {
        /** stop the pipeline with a clear error (default) */
        HALT,
        /** park the rejected record in banyan_cdc.dead_letter with the reason and go on */
        DEAD_LETTER
    }

    /** What a source {@code TRUNCATE} of a mapped table does to the target. */
    public enum TruncatePolicy {
        /** empty the target table in the same target transaction (default) */
        APPLY,
        /** stop the pipeline before anything of that transaction is applied */
        HALT
    }

    /** What an update or delete does when the target has no row with its key. */
    public enum MissingRowPolicy {
        /** an update re-creates the row from its full image (else the record is dead-lettered); a delete has nothing to do */
        UPSERT,
        /** park the change in banyan_cdc.dead_letter */
        DEAD_LETTER,
        /** stop the pipeline */
        HALT
    }

    public enum ConflictPolicy {
        /** every change from the source is applied; an update of a key the target lacks re-creates it */
        SOURCE_WINS,
        /** version-guarded: an incoming row only replaces a target row with a lower version; deletes win over updates */
        LAST_WRITER_WINS
    }

    /** How often a batch the target rejects is retried, with exponential backoff between attempts. */
    public record Retry(int attempts, Duration initialBackoff, Duration maxBackoff) {}

    /**
     * @param winsTies when both versions are equal, does this pipeline's source win? Set it on exactly one of two
     *                 pipelines that run in opposite directions.
     */
    public record Conflicts(ConflictPolicy policy, boolean winsTies) {}

    public String slotName() {
        return slot;
    }

    public String publicationName() {
        return publication;
    }
}
