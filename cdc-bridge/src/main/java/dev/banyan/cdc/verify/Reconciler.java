package dev.banyan.cdc.verify;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.banyan.cdc.apply.Databases;
import dev.banyan.cdc.apply.PipelineSetup;
import dev.banyan.cdc.apply.TableMapping;
import dev.banyan.cdc.apply.TableMapping.Column;
import dev.banyan.cdc.config.BridgeConfig;
import dev.banyan.cdc.config.PipelineConfig;

import org.jspecify.annotations.Nullable;

/**
 * Compares every mapped table of every pipeline, with the mapping applied: row counts and a content hash per key.
 *
 * <p>Both sides are read in key order, in chunks ({@code where key > last order by key limit chunk}), and merged like
 * a sort-merge join, so memory stays flat however large the tables are. Each row contributes its key and the MD5 of
 * its mapped columns rendered by PostgreSQL ({@code row(...)::text}, sessions in UTC), computed inside the database.
 *
 * <p>Past 300 lines on purpose: the chunked cursors, the merge, the per-column diff of differing keys and the report
 * are one algorithm over the same mapping and key rendering; apart, each would need the others' internals.
 */
public final class Reconciler {

    private static final Set<String> NUMERIC_TYPES =
            Set.of("smallint", "integer", "bigint", "numeric", "real", "double precision");
    private static final Set<String> TEXT_TYPES = Set.of("text", "character varying", "character", "citext", "name");

    private final int chunkSize;
    private final int samples;
    private final PrintStream out;

    public Reconciler(int chunkSize, int samples, PrintStream out) {
        this.chunkSize = chunkSize;
        this.samples = samples;
        this.out = out;
    }

    /** The drift of one mapped table. */
    public record TableReport(
            String pipeline,
            String table,
            long sourceRows,
            long targetRows,
            long missing,
            long extra,
            long differing,
            List<String> missingSamples,
            List<String> extraSamples,
            List<String> differingSamples) {

        public boolean inSync() {
            return missing == 0 && extra == 0 && differing == 0;
        }
    }

    /** Every table's report. */
    public record Report(List<TableReport> tables) {

        public boolean inSync() {
            return tables.stream().allMatch(TableReport::inSync);
        }

        public TableReport table(String pipeline, String sourceTable) {
            return tables.stream()
                    .filter(t -> t.pipeline().equals(pipeline) && t.table().startsWith(sourceTable + " "))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no report for " + pipeline + " " + sourceTable));
        }
    }

    public Report verify(BridgeConfig config, String onlyPipeline) {
        List<TableReport> reports = new ArrayList<>();
        for (PipelineConfig pipeline : config.pipelines()) {
            if (onlyPipeline != null && !onlyPipeline.equals(pipeline.name())) {
                continue;
            }
            List<TableMapping> tables = PipelineSetup.resolve(config.file().toString(), pipeline);
            out.println("pipeline " + pipeline.name() + ": " + pipeline.source().url() + " -> "
                    + pipeline.target().url());
            try (Connection source = Databases.connect(pipeline.name(), "source", pipeline.source());
                    Connection target = Databases.connect(pipeline.name(), "target", pipeline.target())) {
                utc(source);
                utc(target);
                for (TableMapping table : tables) {
                    TableReport report = compare(pipeline.name(), table, source, target);
                    print(report);
                    reports.add(report);
                }
            } catch (SQLException e) {
                throw new dev.banyan.cdc.apply.ConnectionFailedException(
                        "pipeline '" + pipeline.name() + "': reading tables for verification failed: " + e.getMessage(),
                        e);
            }
        }
        if (onlyPipeline != null && reports.isEmpty()) {
            throw new dev.banyan.cdc.config.ConfigException(
                    config.file() + ": no pipeline named '" + onlyPipeline + "'");
        }
        Report report = new Report(reports);
        long drifted = reports.stream().filter(t -> !t.inSync()).count();
        if (report.inSync()) {
            out.println("result: IN SYNC (" + reports.size() + " table(s))");
        } else {
            out.println("result: DRIFT in " + drifted + " of " + reports.size() + " table(s) (missing "
                    + reports.stream().mapToLong(TableReport::missing).sum() + ", extra "
                    + reports.stream().mapToLong(TableReport::extra).sum() + ", differing "
                    + reports.stream().mapToLong(TableReport::differing).sum() + ")");
        }
        return report;
    }

    private static void utc(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("set time zone 'UTC'");
            st.execute("set extra_float_digits = 3");
        }
    }

    private void print(TableReport r) {
        String counts = "source " + r.sourceRows() + " rows, target " + r.targetRows() + " rows";
        if (r.inSync()) {
            out.println("  " + r.table() + ": " + counts + ": in sync");
            return;
        }
        out.println("  " + r.table() + ": " + counts + ": DRIFT (missing " + r.missing() + ", extra " + r.extra()
                + ", differing " + r.differing() + ")");
        r.missingSamples().forEach(s -> out.println("    missing in target: " + s));
        r.extraSamples().forEach(s -> out.println("    extra in target:   " + s));
        r.differingSamples().forEach(s -> out.println("    differs:           " + s));
    }

    private TableReport compare(String pipeline, TableMapping table, Connection source, Connection target)
            throws SQLException {
        List<Column> keys = table.keyColumns();
        List<String> keyTypes = keys.stream().map(Column::targetType).toList();
        Cursor src = new Cursor(
                source,
                table.from().quoted(),
                keys.stream().map(Column::source).toList(),
                keyTypes,
                table.columns().stream().map(Column::source).toList());
        Cursor dst = new Cursor(
                target,
                table.to().quoted(),
                keys.stream().map(Column::target).toList(),
                keyTypes,
                table.columns().stream().map(Column::target).toList());
        long missing = 0;
        long extra = 0;
        long differing = 0;
        List<String[]> missingKeys = new ArrayList<>();
        List<String[]> extraKeys = new ArrayList<>();
        List<String[]> differingKeys = new ArrayList<>();
        long compared = 0;
        while (src.peek() != null || dst.peek() != null) {
            Row a = src.peek();
            Row b = dst.peek();
            int c = a == null ? 1 : b == null ? -1 : compareKeys(a.key, b.key, keyTypes);
            if (c < 0) {
                missing++;
                if (missingKeys.size() < samples) {
                    missingKeys.add(a.key);
                }
                src.next();
            } else if (c > 0) {
                extra++;
                if (extraKeys.size() < samples) {
                    extraKeys.add(b.key);
                }
                dst.next();
            } else {
                if (!a.hash.equals(b.hash)) {
                    differing++;
                    if (differingKeys.size() < samples) {
                        differingKeys.add(a.key);
                    }
                }
                src.next();
                dst.next();
            }
            if (++compared % 200_000 == 0) {
                System.err.println("  ... " + table + ": " + compared + " keys compared");
            }
        }
        Function<String[], String> describe = k -> describeKey(keys, k);
        List<String> differingSamples = new ArrayList<>();
        for (String[] key : differingKeys) {
            differingSamples.add(describe.apply(key) + " " + columnDiff(table, source, target, key));
        }
        return new TableReport(
                pipeline,
                table.from() + " -> " + table.to(),
                src.count,
                dst.count,
                missing,
                extra,
                differing,
                missingKeys.stream().map(describe).toList(),
                extraKeys.stream().map(describe).toList(),
                differingSamples);
    }

    private static String describeKey(List<Column> keys, String[] key) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(keys.get(i).source()).append('=').append(key[i]);
        }
        return out.toString();
    }

    /** Which mapped columns differ for one key, with both values (shortened). */
    private String columnDiff(TableMapping table, Connection source, Connection target, String[] key)
            throws SQLException {
        String[] a = fetch(
                source,
                table.from().quoted(),
                table.keyColumns().stream().map(Column::source).toList(),
                table.columns().stream().map(Column::source).toList(),
                table,
                key);
        String[] b = fetch(
                target,
                table.to().quoted(),
                table.keyColumns().stream().map(Column::target).toList(),
                table.columns().stream().map(Column::target).toList(),
                table,
                key);
        if (a == null || b == null) {
            return "(changed while verifying)";
        }
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            if (!java.util.Objects.equals(a[i], b[i])) {
                Column col = table.columns().get(i);
                diffs.add(col.source() + (col.source().equals(col.target()) ? "" : "->" + col.target()) + ": "
                        + shorten(a[i]) + " vs " + shorten(b[i]));
            }
        }
        return diffs.isEmpty() ? "(same text, different hash)" : "[" + String.join("; ", diffs) + "]";
    }

    private static String @Nullable [] fetch(
            Connection c,
            String table,
            List<String> keyColumns,
            List<String> columns,
            TableMapping mapping,
            String[] key)
            throws SQLException {
        StringBuilder sql = new StringBuilder("select ");
        sql.append(columns.stream().map(col -> quote(col) + "::text").collect(Collectors.joining(", ")));
        sql.append(" from ").append(table).append(" where ");
        for (int i = 0; i < keyColumns.size(); i++) {
            if (i > 0) {
                sql.append(" and ");
            }
            sql.append(quote(keyColumns.get(i))).append("::text = ?");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < key.length; i++) {
                ps.setString(i + 1, key[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String[] out = new String[columns.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = rs.getString(i + 1);
                }
                return out;
            }
        }
    }

    private static String shorten(String s) {
        if (s == null) {
            return "NULL";
        }
        return s.length() > 40 ? "'" + s.substring(0, 37) + "...'" : "'" + s + "'";
    }

    static int compareKeys(String[] a, String[] b, List<String> types) {
        for (int i = 0; i < a.length; i++) {
            String base = baseType(types.get(i));
            int c;
            if (NUMERIC_TYPES.contains(base)) {
                c = new BigDecimal(a[i]).compareTo(new BigDecimal(b[i]));
            } else {
                c = Arrays.compareUnsigned(
                        a[i].getBytes(StandardCharsets.UTF_8), b[i].getBytes(StandardCharsets.UTF_8));
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static String baseType(String type) {
        return type.replaceAll("\\(.*\\)", "").trim();
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private record Row(String[] key, String hash) {}

    /** Reads one side in key order, a chunk at a time. */
    private final class Cursor {
        private final Connection connection;
        private final String firstSql;
        private final String nextSql;
        private final int keyCount;
        private List<Row> chunk = new ArrayList<>();
        private int index;
        private boolean exhausted;
        private String[] lastKey;
        long count;

        Cursor(
                Connection connection,
                String table,
                List<String> keyColumns,
                List<String> keyTypes,
                List<String> columns) {
            this.connection = connection;
            this.keyCount = keyColumns.size();
            List<String> keyExprs = new ArrayList<>();
            for (int i = 0; i < keyColumns.size(); i++) {
                String expr = quote(keyColumns.get(i));
                if (TEXT_TYPES.contains(baseType(keyTypes.get(i)))) {
                    expr = expr + " collate \"C\"";
                }
                keyExprs.add(expr);
            }
            String select = "select "
                    + keyColumns.stream().map(k -> quote(k) + "::text").collect(Collectors.joining(", ")) + ", md5(row("
                    + columns.stream().map(Reconciler::quote).collect(Collectors.joining(", ")) + ")::text) from "
                    + table;
            String order = " order by " + String.join(", ", keyExprs) + " limit " + chunkSize;
            this.firstSql = select + order;
            List<String> params = new ArrayList<>();
            for (int i = 0; i < keyColumns.size(); i++) {
                String cast = "?::" + keyTypes.get(i);
                params.add(TEXT_TYPES.contains(baseType(keyTypes.get(i))) ? cast + " collate \"C\"" : cast);
            }
            this.nextSql = select + " where (" + String.join(", ", keyExprs) + ") > (" + String.join(", ", params) + ")"
                    + order;
        }

        @Nullable
        Row peek() throws SQLException {
            if (index >= chunk.size()) {
                if (exhausted) {
                    return null;
                }
                load();
                if (chunk.isEmpty()) {
                    return null;
                }
            }
            return chunk.get(index);
        }

        void next() {
            index++;
            count++;
        }

        private void load() throws SQLException {
            chunk = new ArrayList<>(chunkSize);
            index = 0;
            try (PreparedStatement ps = connection.prepareStatement(lastKey == null ? firstSql : nextSql)) {
                if (lastKey != null) {
                    for (int i = 0; i < keyCount; i++) {
                        ps.setString(i + 1, lastKey[i]);
                    }
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String[] key = new String[keyCount];
                        for (int i = 0; i < keyCount; i++) {
                            key[i] = rs.getString(i + 1);
                        }
                        chunk.add(new Row(key, rs.getString(keyCount + 1)));
                    }
                }
            }
            if (chunk.size() < chunkSize) {
                exhausted = true;
            }
            if (!chunk.isEmpty()) {
                lastKey = chunk.get(chunk.size() - 1).key;
            }
        }
    }
}
