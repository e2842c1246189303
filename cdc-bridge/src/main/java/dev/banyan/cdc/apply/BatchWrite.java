package dev.banyan.cdc.apply;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;

import dev.banyan.cdc.config.PipelineConfig;

/**
 * The writes of one attempt at a batch, inside the attempt's transaction: truncates children first, then per table
 * (parents first) upserts, re-creations, updates and partial updates, then deletes children first. In bulk, or
 * (isolating) row by row, each row in a savepoint that a rejection rolls back; the rejected rows are kept with the
 * target's reason. Transient failures always propagate, so the whole attempt is retried.
 */
final class BatchWrite {

    private final PipelineConfig config;
    private final TableWriter writer;
    private final List<TableMapping> tables;
    private final List<TableMapping> childrenFirst;
    private final boolean isolate;
    final List<Rejection> rejections = new ArrayList<>();
    final MissingRows missing;
    int written;

    /**
     * @param tables the mapped tables, parents first
     * @param childrenFirst the same tables, children first (deletes and truncates go in that order)
     * @param isolate write every row alone in a savepoint and keep the rows the target rejects, instead of failing
     */
    BatchWrite(
            PipelineConfig config,
            TableWriter writer,
            List<TableMapping> tables,
            List<TableMapping> childrenFirst,
            boolean isolate) {
        this.config = config;
        this.writer = writer;
        this.tables = tables;
        this.childrenFirst = childrenFirst;
        this.isolate = isolate;
        this.missing = new MissingRows(config);
    }

    void write(Connection c, Batch batch) throws SQLException {
        for (TableMapping table : childrenFirst) {
            if (batch.truncated.contains(table)) {
                written += writer.truncate(c, table);
            }
        }
        for (TableMapping table : tables) {
            List<PendingRow> upserts = new ArrayList<>();
            List<PendingRow> reviving = new ArrayList<>();
            List<PendingRow> updates = new ArrayList<>();
            List<PendingRow> partial = new ArrayList<>();
            for (PendingRow row : batch.rowsOf(table)) {
                if (row.delete) {
                    continue;
                }
                (!row.unavailable.isEmpty()
                                ? partial
                                : row.created ? upserts : MissingRows.recreates(config) ? reviving : updates)
                        .add(row);
            }
            each(c, upserts, rows -> writer.upsert(c, table, rows));
            each(c, reviving, rows -> writer.revive(c, table, rows, missing));
            each(c, updates, rows -> writer.update(c, table, rows, missing));
            each(c, partial, rows -> writer.partialUpdate(c, table, rows, missing));
        }
        for (TableMapping table : childrenFirst) {
            each(
                    c,
                    batch.rowsOf(table).stream().filter(r -> r.delete).toList(),
                    rows -> writer.delete(c, table, rows, missing));
        }
    }

    private void each(Connection c, List<PendingRow> rows, RowsWork work) throws SQLException {
        if (!isolate) {
            written += work.run(rows);
            return;
        }
        for (PendingRow row : rows) {
            Savepoint savepoint = c.setSavepoint();
            try {
                written += work.run(List.of(row));
                c.releaseSavepoint(savepoint);
            } catch (SQLException e) {
                if (TransientFailures.isTransient(e)) {
                    throw e;
                }
                c.rollback(savepoint);
                rejections.add(new Rejection(row, e.getMessage(), e.getSQLState()));
            }
        }
    }

    private interface RowsWork {
        int run(List<PendingRow> rows) throws SQLException;
    }
}
