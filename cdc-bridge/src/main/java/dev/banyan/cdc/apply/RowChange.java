package dev.banyan.cdc.apply;

import java.util.Map;
import java.util.Set;

/**
 * One captured change, independent of how it was captured (embedded engine today, Kafka Connect tomorrow).
 *
 * @param sourceTable   {@code schema.table} in the source
 * @param op            what happened
 * @param values        the row image in PostgreSQL text form, keyed by source column: the new row for
 *                      snapshot/insert/update, the old key for delete; {@code null} values are SQL NULL
 * @param sourceColumns every column the source's row schema had at the time of the change (to notice dropped columns)
 * @param unavailable   columns whose value the source did not send (unchanged TOASTed values in an update)
 * @param position      the change's place in commit order; {@code null} for snapshot reads
 * @param commitMillis  source commit time, epoch milliseconds
 */
public record RowChange(
        String sourceTable,
        Op op,
        Map<String, String> values,
        Set<String> sourceColumns,
        Set<String> unavailable,
        SourcePosition position,
        long commitMillis) {

    public boolean isSnapshot() {
        return op == Op.SNAPSHOT;
    }
}
