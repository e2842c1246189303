package dev.banyan.cdc.apply;

import dev.banyan.cdc.config.PipelineConfig;
import dev.banyan.cdc.config.PipelineConfig.ConflictPolicy;
import dev.banyan.cdc.config.PipelineConfig.MissingRowPolicy;
import dev.banyan.cdc.config.PipelineConfig.RejectPolicy;
import dev.banyan.cdc.config.PipelineConfig.TruncatePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Applies captured changes to the target: idempotently, in batches, one target transaction per batch.
 *
 * <p>Per batch: changes at or below the stored source position are dropped (they were applied before a restart);
 * the rest are folded per key in source order (the last image of a key wins, so per-key commit order holds); then one
 * transaction bumps this pipeline's origin marker, writes upserts and deletes table by table (target foreign keys are
 * deferrable, so table order does not matter), stores the batch's highest source position and commits. A crash before
 * the commit leaves nothing; after it, the position makes the replay a no-op.
 *
 * <p>A batch the target rejects is retried with exponential backoff. Connection and serialization failures are
 * retried until they pass. Any other failure, once the attempts are used up, is narrowed down row by row (each row in
 * its own savepoint, constraints checked immediately); the rows the target still rejects then halt the pipeline or go
 * to the dead-letter table, as configured. Nothing is dropped silently.
 *
 * <p>This class knows nothing about Debezium: any capture that yields {@link RowChange}s can feed it.
 */
public final class BatchApplier {

    private static final Logger log = LoggerFactory.getLogger(BatchApplier.class);
    private static final int MAX_ROWS_PER_STATEMENT = 5_000;
    private static final Set<String> TYPES_WITHOUT_EQUALITY = Set.of("json", "xml", "point", "line", "lseg", "box",
            "path", "polygon", "circle");

    private final String pipeline;
    private final DataSource target;
    private final List<TableMapping> tables;
    private final Map<String, TableMapping> bySourceTable;
    private final PipelineConfig config;
    private final ApplyListener listener;
    private final Map<String, String> sqlCache = new ConcurrentHashMap<>();
    private final Sleeper sleeper;
    private final SnapshotKeys snapshotKeys;

    private boolean watermarkLoaded;
    private SourcePosition watermark;

    /** Pauses between attempts; replaceable so the retry schedule can be unit tested without waiting. */
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    public BatchApplier(PipelineConfig config, DataSource target, List<TableMapping> tables, ApplyListener listener) {
        this(config, target, tables, listener, Thread::sleep);
    }

    public BatchApplier(PipelineConfig config, DataSource target, List<TableMapping> tables, ApplyListener listener,
                        Sleeper sleeper) {
        this.pipeline = config.name();
        this.config = config;
        this.target = target;
        this.tables = List.copyOf(tables);
        this.listener = listener;
        this.sleeper = sleeper;
        Map<String, TableMapping> map = new HashMap<>();
        for (TableMapping t : tables) {
            map.put(t.from().toString(), t);
        }
        this.bySourceTable = Map.copyOf(map);
        this.snapshotKeys = new SnapshotKeys(pipeline, target, this.tables);
    }

    /** A new capture run begins (engine start or restart): a snapshot it reads is a new snapshot attempt. */
    public synchronized void newCaptureRun() {
        snapshotKeys.reset();
    }

    /**
     * The snapshot's last record has been applied: removes what interrupted attempts copied and this one did not see.
     * Call before the engine is told the snapshot is complete.
     */
    public synchronized int snapshotCompleted() throws SQLException {
        return snapshotKeys.finish();
    }

    /** The first streamed record of a capture run; finishes a snapshot that ended without a last record. */
    public synchronized int streamingStarted() throws SQLException {
        return snapshotKeys.streamingStarted();
    }

    public boolean maps(String sourceTable) {
        return bySourceTable.containsKey(sourceTable);
    }

    /** The position stored with the last committed batch, or {@code null} before the first streamed batch. */
    public synchronized SourcePosition storedPosition() throws SQLException {
        if (!watermarkLoaded) {
            watermark = readPosition();
            watermarkLoaded = true;
        }
        return watermark;
    }

    /** Forgets the cached position so the next batch reads it from the target again (after an engine restart). */
    public synchronized void reloadPosition() throws SQLException {
        watermark = readPosition();
        watermarkLoaded = true;
    }

    /**
     * Applies {@code changes} (in source order) as one batch.
     *
     * @return the number of changes applied (after replay filtering)
     * @throws PipelineHaltedException when the pipeline must stop; the message says why
     */
    public synchronized int apply(List<RowChange> changes) throws InterruptedException {
        SourcePosition stored;
        try {
            stored = storedPosition();
        } catch (SQLException e) {
            stored = loadPositionWithRetry();
        }
        List<RowChange> fresh = new ArrayList<>(changes.size());
        int skipped = 0;
        boolean snapshot = false;
        SourcePosition highest = null;
        for (RowChange change : changes) {
            if (!bySourceTable.containsKey(change.sourceTable())) {
                continue;
            }
            if (change.position() != null && stored != null && change.position().isAtOrBelow(stored)) {
                skipped++;
                continue;
            }
            if (change.isSnapshot()) {
                snapshot = true;
            }
            if (change.position() != null && (highest == null || change.position().compareTo(highest) > 0)) {
                highest = change.position();
            }
            fresh.add(change);
        }
        if (skipped > 0) {
            listener.replaySkipped(skipped);
        }
        if (fresh.isEmpty()) {
            return 0;
        }
        Batch batch = fold(fresh);
        batch.position = highest;
        batch.resetPosition = highest == null && snapshot;
        batch.snapshot = snapshot;
        long[] commitMillis = new long[fresh.size()];
        for (int i = 0; i < commitMillis.length; i++) {
            commitMillis[i] = fresh.get(i).commitMillis();
        }
        int written = applyWithRetry(batch);
        if (highest != null) {
            watermark = highest;
        } else if (snapshot) {
            watermark = null;
        }
        listener.batchApplied(fresh.size(), written, commitMillis, System.currentTimeMillis());
        return fresh.size();
    }

    private SourcePosition loadPositionWithRetry() throws InterruptedException {
        long backoff = config.retry().initialBackoff().toMillis();
        int attempt = 0;
        while (true) {
            try {
                return storedPosition();
            } catch (SQLException e) {
                attempt++;
                listener.attemptFailed(e, true, attempt);
                log.warn("pipeline '{}': cannot read the stored position from the target (attempt {}): {}", pipeline, attempt, e.getMessage());
                sleeper.sleep(backoff);
                backoff = Math.min(backoff * 2, config.retry().maxBackoff().toMillis());
            }
        }
    }

    // ---------------------------------------------------------------- folding

    /** The net effect of a batch on one target key. */
    static final class PendingRow {
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
            return table.to() + " key " + table.describeKey(key) + " (" + last.op().name().toLowerCase()
                    + (last.position() == null ? " from the snapshot" : " at " + last.position()) + ")";
        }
    }

    static final class Batch {
        final Map<TableMapping, LinkedHashMap<List<String>, PendingRow>> rows = new LinkedHashMap<>();
        final Set<TableMapping> truncated = new LinkedHashSet<>();
        SourcePosition position;
        boolean resetPosition;
        boolean snapshot;

        int size() {
            return rows.values().stream().mapToInt(Map::size).sum();
        }
    }

    Batch fold(List<RowChange> changes) {
        Batch batch = new Batch();
        for (TableMapping t : tables) {
            batch.rows.put(t, new LinkedHashMap<>());
        }
        for (RowChange change : changes) {
            TableMapping table = bySourceTable.get(change.sourceTable());
            LinkedHashMap<List<String>, PendingRow> rows = batch.rows.get(table);
            if (change.op() == Op.TRUNCATE) {
                if (config.truncate() == TruncatePolicy.HALT) {
                    throw new PipelineHaltedException("pipeline '" + pipeline + "' halted: the source truncated "
                            + table.from() + " (at " + change.position() + ") and truncate: halt refuses to empty "
                            + table.to() + ". Nothing of that source transaction was applied. Empty " + table.to()
                            + " yourself and set truncate: apply to carry it, or re-create the pipeline and snapshot again.");
                }
                rows.clear();
                batch.truncated.add(table);
                continue;
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
        return batch;
    }

    // ---------------------------------------------------------------- applying

    private record Rejection(PendingRow row, String reason, String sqlState) {
    }

    private int applyWithRetry(Batch batch) throws InterruptedException {
        long backoff = config.retry().initialBackoff().toMillis();
        int failures = 0;
        while (true) {
            try {
                return applyOnce(batch, false);
            } catch (SQLException e) {
                boolean transientError = isTransient(e);
                if (!transientError) {
                    failures++;
                } else if (batch.position != null && committedDespiteError(batch.position)) {
                    log.info("pipeline '{}': the batch up to {} had committed before the connection failed", pipeline, batch.position);
                    return 0;
                }
                listener.attemptFailed(e, transientError, failures);
                if (!transientError && failures >= config.retry().attempts()) {
                    log.warn("pipeline '{}': batch of {} row(s) failed {} time(s) ({}); applying it row by row to find the rejected record(s)",
                            pipeline, batch.size(), failures, e.getMessage());
                    try {
                        return applyOnce(batch, true);
                    } catch (SQLException isolationFailure) {
                        if (!isTransient(isolationFailure)) {
                            throw new PipelineHaltedException("pipeline '" + pipeline + "' halted: the target failed while "
                                    + "isolating a rejected batch: " + isolationFailure.getMessage(), isolationFailure);
                        }
                        listener.attemptFailed(isolationFailure, true, failures);
                    }
                } else {
                    log.warn("pipeline '{}': batch attempt failed ({}{}), retrying in {} ms", pipeline,
                            transientError ? "transient, " : "attempt " + failures + " of " + config.retry().attempts() + ", ",
                            e.getMessage(), backoff);
                }
                sleeper.sleep(backoff);
                backoff = Math.min(backoff * 2, config.retry().maxBackoff().toMillis());
            }
        }
    }

    /** A commit whose acknowledgement was lost may still have landed; the stored position tells. */
    private boolean committedDespiteError(SourcePosition position) {
        try {
            SourcePosition stored = readPosition();
            return stored != null && position.isAtOrBelow(stored);
        } catch (SQLException e) {
            return false;
        }
    }

    static boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        if (e instanceof SQLTransientException || e instanceof SQLRecoverableException) {
            return true;
        }
        if (state == null) {
            return e.getCause() instanceof java.io.IOException;
        }
        return state.startsWith("08") || state.equals("40001") || state.equals("40P01") || state.startsWith("57P")
                || state.startsWith("53") || state.equals("55P03");
    }

    /** One attempt in one transaction. {@code isolate}: every row alone in a savepoint, constraints immediate. */
    private int applyOnce(Batch batch, boolean isolate) throws SQLException {
        List<Rejection> rejections = new ArrayList<>();
        MissingRows missing = new MissingRows();
        int written = 0;
        try (Connection c = target.getConnection()) {
            c.setAutoCommit(false);
            try {
                markOrigin(c, pipeline);
                if (isolate) {
                    try (Statement st = c.createStatement()) {
                        st.execute("set constraints all immediate");
                    }
                }
                // children first (tables are configured parents first), so immediate foreign keys hold too
                for (int i = tables.size() - 1; i >= 0; i--) {
                    if (batch.truncated.contains(tables.get(i))) {
                        try (Statement st = c.createStatement()) {
                            written += st.executeUpdate("delete from " + tables.get(i).to().quoted());
                        }
                    }
                }
                for (TableMapping table : tables) {
                    Collection<PendingRow> rows = batch.rows.get(table).values();
                    List<PendingRow> upserts = new ArrayList<>();
                    List<PendingRow> reviving = new ArrayList<>();
                    List<PendingRow> updates = new ArrayList<>();
                    List<PendingRow> partial = new ArrayList<>();
                    for (PendingRow row : rows) {
                        if (row.delete) {
                            continue;
                        }
                        if (!row.unavailable.isEmpty()) {
                            partial.add(row);
                        } else if (row.created) {
                            upserts.add(row);
                        } else if (sourceWins() && config.missingRow() == MissingRowPolicy.UPSERT) {
                            reviving.add(row);
                        } else {
                            updates.add(row);
                        }
                    }
                    if (isolate) {
                        for (PendingRow row : upserts) {
                            written += isolated(c, row, rejections, () -> upsert(c, table, List.of(row)));
                        }
                        for (PendingRow row : reviving) {
                            written += isolated(c, row, rejections, () -> revive(c, table, List.of(row), missing));
                        }
                        for (PendingRow row : updates) {
                            written += isolated(c, row, rejections, () -> updateExisting(c, table, List.of(row), missing));
                        }
                        for (PendingRow row : partial) {
                            written += isolated(c, row, rejections, () -> partialUpdate(c, table, List.of(row), missing));
                        }
                    } else {
                        written += upsert(c, table, upserts);
                        written += revive(c, table, reviving, missing);
                        written += updateExisting(c, table, updates, missing);
                        written += partialUpdate(c, table, partial, missing);
                    }
                }
                for (int i = tables.size() - 1; i >= 0; i--) {
                    TableMapping table = tables.get(i);
                    List<PendingRow> deletes = batch.rows.get(table).values().stream().filter(r -> r.delete).toList();
                    if (isolate) {
                        for (PendingRow row : deletes) {
                            written += isolated(c, row, rejections, () -> deleteCounting(c, table, List.of(row), missing));
                        }
                    } else {
                        written += deleteCounting(c, table, deletes, missing);
                    }
                }
                if (!missing.halt.isEmpty()) {
                    throw haltMissing(missing.halt);
                }
                if (batch.snapshot) {
                    Set<PendingRow> rejected = new HashSet<>();
                    rejections.forEach(r -> rejected.add(r.row()));
                    for (TableMapping table : tables) {
                        snapshotKeys.record(c, table, batch.rows.get(table).values().stream()
                                .filter(r -> r.last.isSnapshot() && !rejected.contains(r)).toList());
                    }
                }
                if (!rejections.isEmpty()) {
                    if (config.onReject() == RejectPolicy.HALT) {
                        c.rollback();
                        listener.rejected(rejections.size());
                        throw halt(rejections);
                    }
                    deadLetter(c, rejections, isolate ? config.retry().attempts() : 1);
                }
                if (!missing.park.isEmpty()) {
                    deadLetter(c, missing.park, 1);
                }
                writePosition(c, batch, written);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the connection is gone; the transaction died with it
                }
                throw e;
            }
        }
        missing.report(listener, pipeline);
        if (!rejections.isEmpty()) {
            listener.deadLettered(rejections.size());
            log.warn("pipeline '{}': parked {} rejected record(s) in {}.dead_letter; first: {}: {}", pipeline,
                    rejections.size(), BridgeTables.SCHEMA, rejections.get(0).row().describe(), rejections.get(0).reason());
        }
        return written;
    }

    /** The first write of every apply transaction: tells the opposite pipeline that the bridge wrote it. */
    static void markOrigin(Connection c, String pipeline) throws SQLException {
        try (PreparedStatement marker = c.prepareStatement("insert into " + BridgeTables.MARKER_TABLE
                + " (origin, batches, applied_at) values (?, 1, now()) on conflict (origin) do update set "
                + "batches = origin_marker.batches + 1, applied_at = excluded.applied_at")) {
            marker.setString(1, pipeline);
            marker.executeUpdate();
        }
    }

    private interface RowWork {
        int run() throws SQLException;
    }

    private int isolated(Connection c, PendingRow row, List<Rejection> rejections, RowWork work) throws SQLException {
        Savepoint savepoint = c.setSavepoint();
        int before = rejections.size();
        try {
            int n = work.run();
            if (rejections.size() > before) {
                c.rollback(savepoint);
                return 0;
            }
            c.releaseSavepoint(savepoint);
            return n;
        } catch (SQLException e) {
            if (isTransient(e)) {
                throw e;
            }
            c.rollback(savepoint);
            rejections.add(new Rejection(row, e.getMessage(), e.getSQLState()));
            return 0;
        }
    }

    private PipelineHaltedException halt(List<Rejection> rejections) {
        Rejection first = rejections.get(0);
        return new PipelineHaltedException("pipeline '" + pipeline + "' halted: the target rejected " + rejections.size()
                + " record(s) after " + config.retry().attempts() + " attempt(s). First: " + first.row().describe() + ": "
                + first.reason() + (first.sqlState() == null ? "" : " [SQLSTATE " + first.sqlState() + "]")
                + ". Fix the data or the target schema and restart, or set on-reject: dead-letter to park such records.");
    }

    private int upsert(Connection c, TableMapping table, List<PendingRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        String sql = sqlCache.computeIfAbsent("upsert:" + table.index(), k -> upsertSql(table));
        int written = 0;
        for (int from = 0; from < rows.size(); from += MAX_ROWS_PER_STATEMENT) {
            List<PendingRow> chunk = rows.subList(from, Math.min(rows.size(), from + MAX_ROWS_PER_STATEMENT));
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bindColumns(c, ps, 1, table.columns(), chunk);
                written += ps.executeUpdate();
            }
        }
        return written;
    }

    /** Updates existing rows only; returns the keys that were updated. */
    private List<List<String>> update(Connection c, TableMapping table, List<PendingRow> rows, List<TableMapping.Column> set,
                                      boolean returningKeys) throws SQLException {
        if (rows.isEmpty() || set.isEmpty()) {
            return List.of();
        }
        String sql = sqlCache.computeIfAbsent("update:" + table.index() + ":" + set.stream().map(TableMapping.Column::source)
                .collect(Collectors.joining(",")) + ":" + returningKeys, k -> updateSql(table, set, returningKeys));
        List<List<String>> updated = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += MAX_ROWS_PER_STATEMENT) {
            List<PendingRow> chunk = rows.subList(from, Math.min(rows.size(), from + MAX_ROWS_PER_STATEMENT));
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int next = bindColumns(c, ps, 1, table.keyColumns(), chunk);
                bindColumns(c, ps, next, set, chunk);
                if (returningKeys) {
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            List<String> key = new ArrayList<>();
                            for (int i = 1; i <= table.keyColumns().size(); i++) {
                                key.add(rs.getString(i));
                            }
                            updated.add(key);
                        }
                    }
                } else {
                    int n = ps.executeUpdate();
                    for (int i = 0; i < n; i++) {
                        updated.add(List.of());
                    }
                }
            }
        }
        return updated;
    }

    private boolean sourceWins() {
        return config.conflicts().policy() == ConflictPolicy.SOURCE_WINS;
    }

    /**
     * Changes that found no target row with their key, by what happens to them: under source-wins the
     * {@code missing-row} policy decides; under last-writer-wins the row was deleted on the target side and the
     * delete wins, so they are counted and skipped.
     */
    static final class MissingRows {
        final List<Rejection> park = new ArrayList<>();
        final List<Rejection> halt = new ArrayList<>();
        final Map<String, Integer> counts = new LinkedHashMap<>();
        String first;

        void count(String op, String outcome, String description, int n) {
            if (n <= 0) {
                return;
            }
            counts.merge(op + ":" + outcome, n, Integer::sum);
            if (first == null) {
                first = description;
            }
        }

        void report(ApplyListener listener, String pipeline) {
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

    /** A missing row under the source-wins policies that do not re-create it. */
    private void missingRow(MissingRows missing, PendingRow row, String op, String reason) {
        String outcome = !sourceWins() ? "skipped" : config.missingRow() == MissingRowPolicy.HALT ? "halt" : "dead-letter";
        missing.count(op, outcome, row.describe(), 1);
        Rejection r = new Rejection(row, reason + " (missing-row: " + config.missingRow().name().toLowerCase().replace('_', '-') + ")", null);
        if (outcome.equals("halt")) {
            missing.halt.add(r);
        } else if (outcome.equals("dead-letter")) {
            missing.park.add(r);
        }
    }

    private PipelineHaltedException haltMissing(List<Rejection> rows) {
        Rejection first = rows.get(0);
        return new PipelineHaltedException("pipeline '" + pipeline + "' halted: " + rows.size() + " change(s) found no row "
                + "with their key in the target. First: " + first.row().describe() + ": " + first.reason() + ". The target "
                + "lacks rows the source has (a dead-lettered insert, a table that was never backfilled, snapshot: never): "
                + "backfill them, or set missing-row: upsert or dead-letter, then restart.");
    }

    /** Source-wins updates that carry the full row: upserted, and the ones that re-created a missing row counted. */
    private int revive(Connection c, TableMapping table, List<PendingRow> rows, MissingRows missing) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        String sql = sqlCache.computeIfAbsent("revive:" + table.index(), k -> upsertSql(table) + " returning xmax = 0, "
                + table.keyColumns().stream().map(col -> "t." + quote(col.target()) + "::text").collect(Collectors.joining(", ")));
        int written = 0;
        for (int from = 0; from < rows.size(); from += MAX_ROWS_PER_STATEMENT) {
            List<PendingRow> chunk = rows.subList(from, Math.min(rows.size(), from + MAX_ROWS_PER_STATEMENT));
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bindColumns(c, ps, 1, table.columns(), chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        written++;
                        if (rs.getBoolean(1)) {
                            List<String> key = new ArrayList<>();
                            for (int i = 2; i <= table.keyColumns().size() + 1; i++) {
                                key.add(rs.getString(i));
                            }
                            missing.count("update", "upserted", table.to() + " key " + table.describeKey(key) + " (re-created)", 1);
                        }
                    }
                }
            }
        }
        return written;
    }

    /** Updates of rows the target should have: applied where the row exists, the missing ones handled by policy. */
    private int updateExisting(Connection c, TableMapping table, List<PendingRow> rows, MissingRows missing) throws SQLException {
        List<List<String>> updated = update(c, table, rows, table.nonKeyColumns(), true);
        if (updated.size() < rows.size()) {
            for (PendingRow row : notUpdated(c, table, rows, updated)) {
                missingRow(missing, row, "update", "the target has no row with this key");
            }
        }
        return updated.size();
    }

    /**
     * Rows whose update left large values out (unchanged TOAST): update only the columns that came. If the target lacks
     * such a row, it cannot be rebuilt from this change: it is dead-lettered (or halts under missing-row: halt); under
     * last-writer-wins the row was deleted on the target side and the delete wins.
     */
    private int partialUpdate(Connection c, TableMapping table, List<PendingRow> rows, MissingRows missing) throws SQLException {
        Map<Set<String>, List<PendingRow>> groups = new LinkedHashMap<>();
        for (PendingRow row : rows) {
            groups.computeIfAbsent(row.unavailable, k -> new ArrayList<>()).add(row);
        }
        int written = 0;
        for (Map.Entry<Set<String>, List<PendingRow>> group : groups.entrySet()) {
            List<TableMapping.Column> set = table.nonKeyColumns().stream()
                    .filter(col -> !group.getKey().contains(col.source())).toList();
            List<PendingRow> groupRows = group.getValue();
            List<List<String>> updated = update(c, table, groupRows, set, true);
            written += updated.size();
            if (updated.size() < groupRows.size()) {
                for (PendingRow row : notUpdated(c, table, groupRows, updated)) {
                    missingRow(missing, row, "update", "the target has no row with this key and the source sent no value "
                            + "for unchanged large column(s) " + group.getKey() + ", so the row cannot be rebuilt; set "
                            + "REPLICA IDENTITY FULL on the source table or re-snapshot");
                }
            }
        }
        return written;
    }

    /** Of the rows an update did not touch, those the target really lacks (the rest were equal or lost a conflict). */
    private List<PendingRow> notUpdated(Connection c, TableMapping table, List<PendingRow> rows, List<List<String>> updated)
            throws SQLException {
        Set<List<String>> found = new HashSet<>(updated);
        List<PendingRow> candidates = new ArrayList<>();
        for (PendingRow row : rows) {
            if (!found.contains(canonicalKey(c, table, row.key))) {
                candidates.add(row);
            }
        }
        return existingMissing(c, table, candidates);
    }

    /** Deletes; those that found no row (and did not delete a row this batch created) are missing rows. */
    private int deleteCounting(Connection c, TableMapping table, List<PendingRow> rows, MissingRows missing) throws SQLException {
        List<PendingRow> expected = rows.stream().filter(r -> !r.mayBeAbsent).toList();
        List<PendingRow> maybe = rows.stream().filter(r -> r.mayBeAbsent).toList();
        boolean individually = sourceWins() && config.missingRow() != MissingRowPolicy.UPSERT;
        if (individually) {
            for (PendingRow row : existingMissing(c, table, expected)) {
                missingRow(missing, row, "delete", "the target has no row with this key to delete");
            }
        }
        int deleted = delete(c, table, expected);
        if (!individually && deleted < expected.size()) {
            missing.count("delete", "skipped", table.to() + " (delete of an absent row)", expected.size() - deleted);
        }
        return deleted + delete(c, table, maybe);
    }

    /** The key as the target prints it back (e.g. a UUID in canonical lower case). */
    private List<String> canonicalKey(Connection c, TableMapping table, List<String> key) throws SQLException {
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < key.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.append("(?::").append(table.keyColumns().get(i).targetType()).append(")::text");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
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

    /** Of the rows an update did not touch, those the target really lacks (the rest were equal or lost a conflict). */
    private List<PendingRow> existingMissing(Connection c, TableMapping table, List<PendingRow> rows) throws SQLException {
        List<PendingRow> missing = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select 1 from ").append(table.to().quoted()).append(" where ");
        for (int i = 0; i < table.keyColumns().size(); i++) {
            TableMapping.Column k = table.keyColumns().get(i);
            if (i > 0) {
                sql.append(" and ");
            }
            sql.append(quote(k.target())).append(" = ?::").append(k.targetType());
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
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

    private int delete(Connection c, TableMapping table, List<PendingRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        String sql = sqlCache.computeIfAbsent("delete:" + table.index(), k -> deleteSql(table));
        int written = 0;
        for (int from = 0; from < rows.size(); from += MAX_ROWS_PER_STATEMENT) {
            List<PendingRow> chunk = rows.subList(from, Math.min(rows.size(), from + MAX_ROWS_PER_STATEMENT));
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bindKeys(c, ps, table, chunk);
                written += ps.executeUpdate();
            }
        }
        return written;
    }

    private int bindColumns(Connection c, PreparedStatement ps, int index, List<TableMapping.Column> columns,
                            List<PendingRow> rows) throws SQLException {
        for (TableMapping.Column column : columns) {
            String[] values = new String[rows.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = rows.get(i).values.get(column.source());
            }
            Array array = c.createArrayOf("text", values);
            ps.setArray(index++, array);
        }
        return index;
    }

    private void bindKeys(Connection c, PreparedStatement ps, TableMapping table, List<PendingRow> rows) throws SQLException {
        int index = 1;
        for (int k = 0; k < table.keyColumns().size(); k++) {
            String[] values = new String[rows.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = rows.get(i).key.get(k);
            }
            ps.setArray(index++, c.createArrayOf("text", values));
        }
    }

    private void deadLetter(Connection c, List<Rejection> rejections, int attempts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into " + BridgeTables.SCHEMA + ".dead_letter (pipeline, "
                + "source_table, target_table, operation, record_key, record, reason, sql_state, source_position, attempts) "
                + "values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)")) {
            for (Rejection r : rejections) {
                PendingRow row = r.row();
                ps.setString(1, pipeline);
                ps.setString(2, row.table.from().toString());
                ps.setString(3, row.table.to().toString());
                ps.setString(4, row.last.op().name().toLowerCase());
                ps.setString(5, row.table.describeKey(row.key));
                if (row.values == null) {
                    ps.setNull(6, Types.VARCHAR);
                } else {
                    Map<String, String> mapped = new LinkedHashMap<>();
                    for (TableMapping.Column col : row.table.columns()) {
                        if (row.values.containsKey(col.source()) && !row.unavailable.contains(col.source())) {
                            mapped.put(col.target(), row.values.get(col.source()));
                        }
                    }
                    ps.setString(6, Json.object(mapped));
                }
                ps.setString(7, r.reason());
                ps.setString(8, r.sqlState());
                ps.setString(9, row.last.position() == null ? "snapshot" : row.last.position().toString());
                ps.setInt(10, attempts);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void writePosition(Connection c, Batch batch, int written) throws SQLException {
        if (batch.position == null && !batch.resetPosition) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("insert into " + BridgeTables.SCHEMA + ".applied_position "
                + "(pipeline, tx_order, lsn, ordinal, applied_at, rows_applied) values (?, ?, ?, ?, now(), ?) "
                + "on conflict (pipeline) do update set tx_order = excluded.tx_order, lsn = excluded.lsn, "
                + "ordinal = excluded.ordinal, applied_at = excluded.applied_at, "
                + "rows_applied = applied_position.rows_applied + excluded.rows_applied")) {
            ps.setString(1, pipeline);
            if (batch.position == null) {
                ps.setNull(2, Types.BIGINT);
                ps.setNull(3, Types.BIGINT);
                ps.setNull(4, Types.INTEGER);
            } else {
                ps.setLong(2, batch.position.txOrder());
                ps.setLong(3, batch.position.lsn());
                ps.setInt(4, batch.position.ordinal());
            }
            ps.setLong(5, written);
            ps.executeUpdate();
        }
    }

    private SourcePosition readPosition() throws SQLException {
        try (Connection c = target.getConnection();
             PreparedStatement ps = c.prepareStatement("select tx_order, lsn, ordinal from " + BridgeTables.SCHEMA
                     + ".applied_position where pipeline = ?")) {
            ps.setString(1, pipeline);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getObject(1) != null) {
                    return new SourcePosition(rs.getLong(1), rs.getLong(2), rs.getInt(3));
                }
                return null;
            }
        }
    }

    // ---------------------------------------------------------------- SQL

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String comparable(String qualifier, TableMapping.Column column) {
        String base = column.targetType().replaceAll("\\(.*\\)", "").replace("[]", "").trim();
        String expr = qualifier + "." + quote(column.target());
        return TYPES_WITHOUT_EQUALITY.contains(base) ? expr + "::text" : expr;
    }

    private String versionGuard(TableMapping table, String incoming) {
        TableMapping.Column v = table.versionColumn();
        if (config.conflicts().policy() != ConflictPolicy.LAST_WRITER_WINS || v == null) {
            return "";
        }
        String op = config.conflicts().winsTies() ? "<=" : "<";
        return " and (t." + quote(v.target()) + " is null or t." + quote(v.target()) + " " + op + " " + incoming + ")";
    }

    private String upsertSql(TableMapping table) {
        List<TableMapping.Column> cols = table.columns();
        String names = cols.stream().map(col -> quote(col.target())).collect(Collectors.joining(", "));
        String casts = cols.stream().map(col -> "u." + quote(col.target()) + "::" + col.targetType()).collect(Collectors.joining(", "));
        String params = cols.stream().map(col -> "?::text[]").collect(Collectors.joining(", "));
        String keys = table.keyColumns().stream().map(col -> quote(col.target())).collect(Collectors.joining(", "));
        StringBuilder sql = new StringBuilder("insert into ").append(table.to().quoted()).append(" as t (").append(names)
                .append(") select ").append(casts).append(" from unnest(").append(params).append(") as u(").append(names)
                .append(") on conflict (").append(keys).append(") do ");
        List<TableMapping.Column> nonKey = table.nonKeyColumns();
        if (nonKey.isEmpty()) {
            return sql.append("nothing").toString();
        }
        sql.append("update set ").append(nonKey.stream().map(col -> quote(col.target()) + " = excluded." + quote(col.target()))
                .collect(Collectors.joining(", ")));
        sql.append(" where (").append(nonKey.stream().map(col -> comparable("t", col)).collect(Collectors.joining(", ")))
                .append(") is distinct from (").append(nonKey.stream().map(col -> comparable("excluded", col)).collect(Collectors.joining(", ")))
                .append(")");
        TableMapping.Column v = table.versionColumn();
        if (v != null) {
            sql.append(versionGuard(table, "excluded." + quote(v.target())));
        }
        return sql.toString();
    }

    private String updateSql(TableMapping table, List<TableMapping.Column> set, boolean returningKeys) {
        List<TableMapping.Column> all = new ArrayList<>(table.keyColumns());
        all.addAll(set);
        String aliases = table.keyColumns().stream().map(col -> quote("k_" + col.target()))
                .collect(Collectors.joining(", ")) + ", " + set.stream().map(col -> quote("v_" + col.target())).collect(Collectors.joining(", "));
        String params = all.stream().map(col -> "?::text[]").collect(Collectors.joining(", "));
        StringBuilder sql = new StringBuilder("update ").append(table.to().quoted()).append(" as t set ")
                .append(set.stream().map(col -> quote(col.target()) + " = u." + quote("v_" + col.target()) + "::" + col.targetType())
                        .collect(Collectors.joining(", ")))
                .append(" from unnest(").append(params).append(") as u(").append(aliases).append(") where ")
                .append(table.keyColumns().stream().map(col -> "t." + quote(col.target()) + " = u." + quote("k_" + col.target()) + "::" + col.targetType())
                        .collect(Collectors.joining(" and ")));
        sql.append(" and (").append(set.stream().map(col -> comparable("t", col)).collect(Collectors.joining(", ")))
                .append(") is distinct from (")
                .append(set.stream().map(col -> {
                    String cast = "u." + quote("v_" + col.target()) + "::" + col.targetType();
                    String base = col.targetType().replaceAll("\\(.*\\)", "").replace("[]", "").trim();
                    return TYPES_WITHOUT_EQUALITY.contains(base) ? "(" + cast + ")::text" : cast;
                }).collect(Collectors.joining(", "))).append(")");
        TableMapping.Column v = table.versionColumn();
        if (v != null && set.contains(v)) {
            sql.append(versionGuard(table, "u." + quote("v_" + v.target()) + "::" + v.targetType()));
        }
        if (returningKeys) {
            sql.append(" returning ").append(table.keyColumns().stream().map(col -> "t." + quote(col.target()) + "::text")
                    .collect(Collectors.joining(", ")));
        }
        return sql.toString();
    }

    private String deleteSql(TableMapping table) {
        String params = table.keyColumns().stream().map(col -> "?::text[]").collect(Collectors.joining(", "));
        String aliases = table.keyColumns().stream().map(col -> quote("k_" + col.target())).collect(Collectors.joining(", "));
        return "delete from " + table.to().quoted() + " as t using unnest(" + params + ") as u(" + aliases + ") where "
                + table.keyColumns().stream().map(col -> "t." + quote(col.target()) + " = u." + quote("k_" + col.target()) + "::" + col.targetType())
                .collect(Collectors.joining(" and "));
    }
}
