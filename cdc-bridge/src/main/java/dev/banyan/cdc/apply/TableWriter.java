package dev.banyan.cdc.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.banyan.cdc.config.PipelineConfig;

/**
 * Writes folded rows of one table inside the caller's transaction, in statements of at most
 * {@value #MAX_ROWS_PER_STATEMENT} rows, and hands every change that found no target row to {@link MissingRows}.
 * Returns the number of target rows changed.
 */
final class TableWriter {

    static final int MAX_ROWS_PER_STATEMENT = 5_000;

    private final PipelineConfig config;
    private final ApplyStatements sql;

    TableWriter(PipelineConfig config, ApplyStatements sql) {
        this.config = config;
        this.sql = sql;
    }

    int truncate(Connection c, TableMapping table) throws SQLException {
        try (Statement st = c.createStatement()) {
            return st.executeUpdate(sql.deleteAll(table));
        }
    }

    /** Inserts and snapshot rows: inserted, or the existing row updated where it differs. */
    int upsert(Connection c, TableMapping table, List<PendingRow> rows) throws SQLException {
        int written = 0;
        for (List<PendingRow> chunk : chunks(rows)) {
            try (PreparedStatement ps = c.prepareStatement(sql.upsert(table))) {
                bindColumns(c, ps, 1, table.columns(), chunk);
                written += ps.executeUpdate();
            }
        }
        return written;
    }

    /** Source-wins updates that carry the full row (missing-row: upsert): upserted; the re-created ones counted. */
    int revive(Connection c, TableMapping table, List<PendingRow> rows, MissingRows missing) throws SQLException {
        int written = 0;
        for (List<PendingRow> chunk : chunks(rows)) {
            try (PreparedStatement ps = c.prepareStatement(sql.upsertReturningInserted(table))) {
                bindColumns(c, ps, 1, table.columns(), chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        written++;
                        if (rs.getBoolean(1)) {
                            List<String> key = new ArrayList<>();
                            for (int i = 2; i <= table.keyColumns().size() + 1; i++) {
                                key.add(rs.getString(i));
                            }
                            missing.count(
                                    "update",
                                    "upserted",
                                    table.to() + " key " + table.describeKey(key) + " (re-created)",
                                    1);
                        }
                    }
                }
            }
        }
        return written;
    }

    /** Updates of rows the target should have: applied where the row exists, the missing ones handled by policy. */
    int update(Connection c, TableMapping table, List<PendingRow> rows, MissingRows missing) throws SQLException {
        List<List<String>> updated = update(c, table, rows, table.nonKeyColumns());
        if (updated.size() < rows.size()) {
            for (PendingRow row : notUpdated(c, table, rows, updated)) {
                missing.missing(row, "update", "the target has no row with this key");
            }
        }
        return updated.size();
    }

    /**
     * Rows whose update left large values out (unchanged TOAST): update only the columns that came. If the target lacks
     * such a row, it cannot be rebuilt from this change: it is dead-lettered (or halts under missing-row: halt); under
     * last-writer-wins the row was deleted on the target side and the delete wins.
     */
    int partialUpdate(Connection c, TableMapping table, List<PendingRow> rows, MissingRows missing)
            throws SQLException {
        Map<Set<String>, List<PendingRow>> groups = new LinkedHashMap<>();
        for (PendingRow row : rows) {
            groups.computeIfAbsent(row.unavailable, k -> new ArrayList<>()).add(row);
        }
        int written = 0;
        for (Map.Entry<Set<String>, List<PendingRow>> group : groups.entrySet()) {
            List<TableMapping.Column> set = table.nonKeyColumns().stream()
                    .filter(col -> !group.getKey().contains(col.source()))
                    .toList();
            List<PendingRow> groupRows = group.getValue();
            List<List<String>> updated = update(c, table, groupRows, set);
            written += updated.size();
            if (updated.size() < groupRows.size()) {
                for (PendingRow row : notUpdated(c, table, groupRows, updated)) {
                    missing.missing(
                            row,
                            "update",
                            "the target has no row with this key and the source sent no value "
                                    + "for unchanged large column(s) " + group.getKey()
                                    + ", so the row cannot be rebuilt; set "
                                    + "REPLICA IDENTITY FULL on the source table or re-snapshot");
                }
            }
        }
        return written;
    }

    /** Deletes; those that found no row (and did not delete a row this batch created) are missing rows. */
    int delete(Connection c, TableMapping table, List<PendingRow> rows, MissingRows missing) throws SQLException {
        List<PendingRow> expected = rows.stream().filter(r -> !r.mayBeAbsent).toList();
        List<PendingRow> maybe = rows.stream().filter(r -> r.mayBeAbsent).toList();
        boolean individually = MissingRows.checksDeletes(config);
        if (individually) {
            for (PendingRow row : existingMissing(c, table, expected)) {
                missing.missing(row, "delete", "the target has no row with this key to delete");
            }
        }
        int deleted = delete(c, table, expected);
        if (!individually && deleted < expected.size()) {
            missing.count("delete", "skipped", table.to() + " (delete of an absent row)", expected.size() - deleted);
        }
        return deleted + delete(c, table, maybe);
    }

    private int delete(Connection c, TableMapping table, List<PendingRow> rows) throws SQLException {
        int written = 0;
        for (List<PendingRow> chunk : chunks(rows)) {
            try (PreparedStatement ps = c.prepareStatement(sql.delete(table))) {
                bindKeys(c, ps, table, chunk);
                written += ps.executeUpdate();
            }
        }
        return written;
    }

    /** Updates {@code set} of existing rows; returns the keys that were updated. */
    private List<List<String>> update(
            Connection c, TableMapping table, List<PendingRow> rows, List<TableMapping.Column> set)
            throws SQLException {
        if (set.isEmpty()) {
            return List.of();
        }
        List<List<String>> updated = new ArrayList<>();
        for (List<PendingRow> chunk : chunks(rows)) {
            try (PreparedStatement ps = c.prepareStatement(sql.update(table, set))) {
                int next = bindColumns(c, ps, 1, table.keyColumns(), chunk);
                bindColumns(c, ps, next, set, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        List<String> key = new ArrayList<>();
                        for (int i = 1; i <= table.keyColumns().size(); i++) {
                            key.add(rs.getString(i));
                        }
                        updated.add(key);
                    }
                }
            }
        }
        return updated;
    }

    /** Of the rows an update did not touch, those the target really lacks (the rest were equal or lost a conflict). */
    private List<PendingRow> notUpdated(
            Connection c, TableMapping table, List<PendingRow> rows, List<List<String>> updated) throws SQLException {
        Set<List<String>> found = new HashSet<>(updated);
        List<PendingRow> candidates = new ArrayList<>();
        for (PendingRow row : rows) {
            if (!found.contains(canonicalKey(c, table, row.key))) {
                candidates.add(row);
            }
        }
        return existingMissing(c, table, candidates);
    }

    /** The key as the target prints it back (e.g. a UUID in canonical lower case). */
    private List<String> canonicalKey(Connection c, TableMapping table, List<String> key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.canonicalKey(table))) {
            for (int i = 0; i < key.size(); i++) {
                ps.setString(i + 1, key.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                List<String> out = new ArrayList<>();
                for (int i = 1; i <= key.size(); i++) {
                    out.add(rs.getString(i));
                }
                return out;
            }
        }
    }

    /** Of {@code rows}, those whose key the target has no row for. */
    private List<PendingRow> existingMissing(Connection c, TableMapping table, List<PendingRow> rows)
            throws SQLException {
        List<PendingRow> missing = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.exists(table))) {
            for (PendingRow row : rows) {
                for (int i = 0; i < row.key.size(); i++) {
                    ps.setString(i + 1, row.key.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        missing.add(row);
                    }
                }
            }
        }
        return missing;
    }

    private static List<List<PendingRow>> chunks(List<PendingRow> rows) {
        List<List<PendingRow>> chunks = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += MAX_ROWS_PER_STATEMENT) {
            chunks.add(rows.subList(from, Math.min(rows.size(), from + MAX_ROWS_PER_STATEMENT)));
        }
        return chunks;
    }

    private static int bindColumns(
            Connection c, PreparedStatement ps, int index, List<TableMapping.Column> columns, List<PendingRow> rows)
            throws SQLException {
        for (TableMapping.Column column : columns) {
            String[] values = new String[rows.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = rows.get(i).values.get(column.source());
            }
            ps.setArray(index++, c.createArrayOf("text", values));
        }
        return index;
    }

    private static void bindKeys(Connection c, PreparedStatement ps, TableMapping table, List<PendingRow> rows)
            throws SQLException {
        int index = 1;
        for (int k = 0; k < table.keyColumns().size(); k++) {
            String[] values = new String[rows.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = rows.get(i).key.get(k);
            }
            ps.setArray(index++, c.createArrayOf("text", values));
        }
    }
}
