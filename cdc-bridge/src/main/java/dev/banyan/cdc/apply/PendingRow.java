package dev.banyan.cdc.apply;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The net effect of a batch on one target key. */
final class PendingRow {

    final TableMapping table;
    final List<String> key;
    boolean delete;
    boolean created;
    /** a delete of a row this batch created: finding no target row is expected */
    boolean mayBeAbsent;

    Map<String, String> values;
    Set<String> unavailable;
    RowChange last;

    PendingRow(TableMapping table, List<String> key) {
        this.table = table;
        this.key = key;
    }

    String describe() {
        return table.to() + " key " + table.describeKey(key) + " ("
                + last.op().name().toLowerCase()
                + (last.position() == null ? " from the snapshot" : " at " + last.position()) + ")";
    }
}
