package dev.banyan.cdc.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a snapshot that restarts after a crash converge. A restarted snapshot reads the source as it is now, not as
 * the slot's exported snapshot saw it, so rows an interrupted attempt copied and the source deleted meanwhile would
 * stay in the target: their deletes lie before the restarted snapshot's starting point and are never streamed.
 *
 * <p>So every snapshot attempt (a <em>run</em>) records the target keys it wrote in {@code banyan_cdc.snapshot_key},
 * in the same transaction as the rows. When a run completes, target rows whose keys an earlier, interrupted run wrote
 * and the completed run did not see are deleted; nothing else is ever deleted (rows the bridge did not write, or
 * wrote while streaming, are never touched). The keys of a completed run are kept until the pipeline next streams
 * without snapshotting, in case the engine's record of the completion was lost and the snapshot runs once more.
 */
final class SnapshotKeys {

    private static final Logger log = LoggerFactory.getLogger(SnapshotKeys.class);
    static final String KEYS = BridgeTables.SCHEMA + ".snapshot_key";
    static final String RUNS = BridgeTables.SCHEMA + ".snapshot_run";

    private final String pipeline;
    private final DataSource target;
    private final List<TableMapping> tables;
    private @Nullable String run;
    private boolean finished;

    SnapshotKeys(String pipeline, DataSource target, List<TableMapping> tables) {
        this.pipeline = pipeline;
        this.target = target;
        this.tables = tables;
    }

    /** The engine starts over: the next snapshot row belongs to a new run. */
    void reset() {
        run = null;
        finished = false;
    }

    boolean running() {
        return run != null && !finished;
    }

    /** Records the keys of snapshot rows, in the transaction that writes them. */
    void record(Connection c, TableMapping table, Collection<PendingRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        if (run == null || finished) {
            run = UUID.randomUUID().toString();
            finished = false;
        }
        try (PreparedStatement ps = c.prepareStatement("insert into " + RUNS
                + " (pipeline, run, completed, started_at) " + "values (?, ?, false, now()) on conflict do nothing")) {
            ps.setString(1, pipeline);
            ps.setString(2, run);
            ps.executeUpdate();
        }
        String[] keys = rows.stream().map(r -> arrayLiteral(r.key)).toArray(String[]::new);
        try (PreparedStatement ps = c.prepareStatement("insert into " + KEYS + " (pipeline, target_table, run, key) "
                + "select ?, ?, ?, k::text[] from unnest(?::text[]) k on conflict do nothing")) {
            ps.setString(1, pipeline);
            ps.setString(2, table.to().toString());
            ps.setString(3, run);
            ps.setArray(4, c.createArrayOf("text", keys));
            ps.executeUpdate();
        }
    }

    /**
     * The snapshot of this engine run is complete (its last record applied, or streaming began): delete what
     * interrupted runs wrote and this one did not see, and mark this run completed. Must commit before the engine is
     * told the snapshot is done.
     *
     * @return target rows deleted
     */
    int finish() throws SQLException {
        finished = true;
        String current = run == null ? "" : run;
        int deleted = 0;
        try (Connection c = target.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!hasKeys(c)) {
                    c.rollback();
                    return 0;
                }
                AppliedPositions.markOrigin(c, pipeline);
                for (int i = tables.size() - 1; i >= 0; i--) {
                    deleted += deleteStale(c, tables.get(i), current);
                }
                try (PreparedStatement ps =
                        c.prepareStatement("delete from " + KEYS + " where pipeline = ? and run <> ?")) {
                    ps.setString(1, pipeline);
                    ps.setString(2, current);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps =
                        c.prepareStatement("delete from " + RUNS + " where pipeline = ? and run <> ?")) {
                    ps.setString(1, pipeline);
                    ps.setString(2, current);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps =
                        c.prepareStatement("update " + RUNS + " set completed = true where pipeline = ? and run = ?")) {
                    ps.setString(1, pipeline);
                    ps.setString(2, current);
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        if (deleted > 0) {
            log.info(
                    "pipeline '{}': the restarted snapshot removed {} target row(s) that an interrupted snapshot had "
                            + "copied and the source has deleted since",
                    pipeline,
                    deleted);
        }
        return deleted;
    }

    /**
     * Streaming began in an engine run that snapshotted nothing. Keys of an unfinished run mean the engine did snapshot
     * again and found the tables empty, so that run is finished now; keys of completed runs are no longer needed.
     *
     * @return target rows deleted
     */
    int streamingStarted() throws SQLException {
        if (running()) {
            return finish();
        }
        if (finished) {
            return 0;
        }
        boolean unfinished;
        try (Connection c = target.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select exists (select 1 from " + RUNS + " where pipeline = ? and not completed)")) {
            ps.setString(1, pipeline);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                unfinished = rs.getBoolean(1);
            }
        }
        if (unfinished) {
            return finish();
        }
        finished = true;
        try (Connection c = target.getConnection()) {
            c.setAutoCommit(false);
            for (String table : List.of(KEYS, RUNS)) {
                try (PreparedStatement ps = c.prepareStatement("delete from " + table + " where pipeline = ?")) {
                    ps.setString(1, pipeline);
                    ps.executeUpdate();
                }
            }
            c.commit();
        }
        return 0;
    }

    private boolean hasKeys(Connection c) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("select exists (select 1 from " + RUNS + " where pipeline = ?)")) {
            ps.setString(1, pipeline);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private int deleteStale(Connection c, TableMapping table, String current) throws SQLException {
        List<TableMapping.Column> key = table.keyColumns();
        String match = java.util.stream.IntStream.range(0, key.size())
                .mapToObj(i -> "t." + ApplyStatements.quote(key.get(i).target()) + " = (s.key[" + (i + 1) + "])::"
                        + key.get(i).targetType())
                .collect(Collectors.joining(" and "));
        try (PreparedStatement ps =
                c.prepareStatement("delete from " + table.to().quoted() + " as t using ("
                        + "select key from " + KEYS + " where pipeline = ? and target_table = ? and run <> ? "
                        + "except select key from " + KEYS
                        + " where pipeline = ? and target_table = ? and run = ?) s where " + match)) {
            ps.setString(1, pipeline);
            ps.setString(2, table.to().toString());
            ps.setString(3, current);
            ps.setString(4, pipeline);
            ps.setString(5, table.to().toString());
            ps.setString(6, current);
            return ps.executeUpdate();
        }
    }

    private static String arrayLiteral(List<String> key) {
        return key.stream()
                .map(v -> '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                .collect(Collectors.joining(",", "{", "}"));
    }
}
