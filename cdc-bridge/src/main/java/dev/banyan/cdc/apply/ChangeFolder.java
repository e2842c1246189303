package dev.banyan.cdc.apply;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.banyan.cdc.config.PipelineConfig.TruncatePolicy;

/**
 * Folds changes, in source order, into one {@link Batch}: changes of unmapped tables and changes at or below the
 * stored position (applied before a restart) are left out; the last image of a key wins, an update merges into what
 * the batch already holds for that key (keeping values an update did not resend), and a truncate drops what the batch
 * held for its table. Pure: no database.
 */
final class ChangeFolder {

    private final String pipeline;
    private final List<TableMapping> tables;
    private final Map<String, TableMapping> bySourceTable;
    private final TruncatePolicy truncate;

    ChangeFolder(String pipeline, List<TableMapping> tables, TruncatePolicy truncate) {
        this.pipeline = pipeline;
        this.tables = List.copyOf(tables);
        this.truncate = truncate;
        Map<String, TableMapping> map = new HashMap<>();
        for (TableMapping t : tables) {
            map.put(t.from().toString(), t);
        }
        this.bySourceTable = Map.copyOf(map);
    }

    boolean maps(String sourceTable) {
        return bySourceTable.containsKey(sourceTable);
    }

    /**
     * @param stored the position stored with the last committed batch, or null
     * @throws PipelineHaltedException for a truncate under {@code truncate: halt}, a mapped column the source dropped,
     *                                 or a NULL key
     */
    Batch fold(List<RowChange> changes, SourcePosition stored) {
        Batch batch = new Batch(tables);
        long[] commitMillis = new long[changes.size()];
        int fresh = 0;
        for (RowChange change : changes) {
            if (!maps(change.sourceTable())) {
                continue;
            }
            if (change.position() != null && stored != null && change.position().isAtOrBelow(stored)) {
                batch.skipped++;
                continue;
            }
            batch.snapshot |= change.isSnapshot();
            if (change.position() != null
                    && (batch.position == null || change.position().compareTo(batch.position) > 0)) {
                batch.position = change.position();
            }
            commitMillis[fresh++] = change.commitMillis();
            add(batch, change);
        }
        batch.commitMillis = Arrays.copyOf(commitMillis, fresh);
        batch.resetPosition = batch.position == null && batch.snapshot;
        return batch;
    }

    private void add(Batch batch, RowChange change) {
        TableMapping table = bySourceTable.get(change.sourceTable());
        LinkedHashMap<List<String>, PendingRow> rows = batch.rows.get(table);
        if (change.op() == Op.TRUNCATE) {
            if (truncate == TruncatePolicy.HALT) {
                throw new PipelineHaltedException(
                        "pipeline '" + pipeline + "' halted: the source truncated "
                                + table.from() + " (at " + change.position() + ") and truncate: halt refuses to empty "
                                + table.to() + ". Nothing of that source transaction was applied. Empty " + table.to()
                                + " yourself and set truncate: apply to carry it, or re-create the pipeline and snapshot again.");
            }
            rows.clear();
            batch.truncated.add(table);
            return;
        }
        List<String> missing = table.missingColumns(change.op(), change.sourceColumns());
        if (!missing.isEmpty()) {
            throw new PipelineHaltedException("pipeline '" + pipeline + "' halted: mapped column(s) " + missing
                    + " of " + table.from() + " no longer exist in the source (change "
                    + (change.position() == null ? "from the snapshot" : "at " + change.position()) + "). "
                    + "Restore the column(s) in the source or remove them from the mapping, then restart.");
        }
        List<String> key = table.keyOf(change.values());
        if (key.contains(null)) {
            throw new PipelineHaltedException("pipeline '" + pipeline + "' halted: a change to " + table.from()
                    + " has a NULL key value (" + table.describeKey(key) + "), so it cannot be applied by key.");
        }
        PendingRow previous = rows.get(key);
        PendingRow row = new PendingRow(table, key);
        row.last = change;
        switch (change.op()) {
            case DELETE -> {
                row.delete = true;
                row.mayBeAbsent = previous != null && previous.created;
            }
            case SNAPSHOT, INSERT -> {
                row.created = true;
                row.values = change.values();
                row.unavailable = change.unavailable();
            }
            case UPDATE -> {
                if (previous != null && !previous.delete) {
                    merge(row, previous, change);
                } else {
                    row.values = change.values();
                    row.unavailable = change.unavailable();
                }
            }
            default -> throw new IllegalStateException("unexpected operation " + change.op());
        }
        rows.remove(key);
        rows.put(key, row);
    }

    /** An update onto a row the batch holds: values it did not resend stay, unavailable only if both lacked them. */
    private static void merge(PendingRow row, PendingRow previous, RowChange change) {
        Map<String, String> merged = new HashMap<>(previous.values);
        Set<String> unavailable = new HashSet<>();
        for (Map.Entry<String, String> e : change.values().entrySet()) {
            if (change.unavailable().contains(e.getKey())) {
                if (previous.unavailable.contains(e.getKey())) {
                    unavailable.add(e.getKey());
                }
            } else {
                merged.put(e.getKey(), e.getValue());
            }
        }
        row.values = merged;
        row.unavailable = unavailable;
        row.created = previous.created;
    }
}
