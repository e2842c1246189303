package dev.banyan.cdc.apply;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What one target transaction writes: the net row per key and table, the tables to empty, the position to store. */
final class Batch {

    final Map<TableMapping, LinkedHashMap<List<String>, PendingRow>> rows = new LinkedHashMap<>();
    final Set<TableMapping> truncated = new LinkedHashSet<>();
    /** the highest source position among the changes; null for a snapshot-only batch */
    SourcePosition position;
    /** a snapshot batch without positions: the stored position is cleared (a snapshot starts the stream anew) */
    boolean resetPosition;

    boolean snapshot;
    /** changes at or below the stored position, left out */
    int skipped;
    /** source commit time of every change folded in, in source order */
    long[] commitMillis = new long[0];

    Batch(List<TableMapping> tables) {
        for (TableMapping t : tables) {
            rows.put(t, new LinkedHashMap<>());
        }
    }

    /** Changes folded in (after replay filtering). */
    int changes() {
        return commitMillis.length;
    }

    /** Target keys written. */
    int size() {
        return rows.values().stream().mapToInt(Map::size).sum();
    }

    List<PendingRow> rowsOf(TableMapping table) {
        return List.copyOf(rows.get(table).values());
    }
}
