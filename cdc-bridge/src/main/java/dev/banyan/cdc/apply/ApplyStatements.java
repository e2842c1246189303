package dev.banyan.cdc.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import dev.banyan.cdc.config.PipelineConfig.ConflictPolicy;
import dev.banyan.cdc.config.PipelineConfig.Conflicts;

/**
 * The SQL the applier runs against a mapped target table. Every row statement binds one {@code text[]} per column and
 * reads it with {@code unnest}, so a statement carries any number of rows; values are cast to the target column's type
 * in SQL. Writes touch only rows whose values differ ({@code is distinct from}), and under last-writer-wins only rows
 * whose version the incoming one beats. Pure: builds text, runs nothing; statements are cached per table.
 */
final class ApplyStatements {

    private static final Set<String> TYPES_WITHOUT_EQUALITY =
            Set.of("json", "xml", "point", "line", "lseg", "box", "path", "polygon", "circle");

    private final Conflicts conflicts;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    ApplyStatements(Conflicts conflicts) {
        this.conflicts = conflicts;
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Inserts the rows, or updates the existing ones that differ (and lose no version conflict). */
    String upsert(TableMapping table) {
        return cache.computeIfAbsent("upsert:" + table.index(), k -> upsertSql(table));
    }

    /** {@link #upsert} returning, per written row, whether it was inserted ({@code xmax = 0}) and its key as text. */
    String upsertReturningInserted(TableMapping table) {
        return cache.computeIfAbsent(
                "revive:" + table.index(),
                k -> upsertSql(table) + " returning xmax = 0, "
                        + table.keyColumns().stream()
                                .map(col -> "t." + quote(col.target()) + "::text")
                                .collect(Collectors.joining(", ")));
    }

    /** Updates {@code set} of existing rows (keys bound first, then {@code set}), returning the keys updated. */
    String update(TableMapping table, List<TableMapping.Column> set) {
        return cache.computeIfAbsent(
                "update:" + table.index() + ":"
                        + set.stream().map(TableMapping.Column::source).collect(Collectors.joining(",")),
                k -> updateSql(table, set));
    }

    String delete(TableMapping table) {
        return cache.computeIfAbsent("delete:" + table.index(), k -> {
            String params = table.keyColumns().stream().map(col -> "?::text[]").collect(Collectors.joining(", "));
            String aliases = table.keyColumns().stream()
                    .map(col -> quote("k_" + col.target()))
                    .collect(Collectors.joining(", "));
            return "delete from " + table.to().quoted() + " as t using unnest(" + params + ") as u(" + aliases
                    + ") where "
                    + table.keyColumns().stream()
                            .map(col -> "t." + quote(col.target()) + " = u." + quote("k_" + col.target()) + "::"
                                    + col.targetType())
                            .collect(Collectors.joining(" and "));
        });
    }

    /** Empties the table (a carried truncate: a delete, so it stays transactional and fires no truncate of its own). */
    String deleteAll(TableMapping table) {
        return "delete from " + table.to().quoted();
    }

    /** One row's key as the target prints it back (e.g. a UUID in canonical lower case). */
    String canonicalKey(TableMapping table) {
        return cache.computeIfAbsent(
                "canonical:" + table.index(),
                k -> "select "
                        + table.keyColumns().stream()
                                .map(col -> "(?::" + col.targetType() + ")::text")
                                .collect(Collectors.joining(", ")));
    }

    /** Whether the target has a row with the bound key. */
    String exists(TableMapping table) {
        return cache.computeIfAbsent(
                "exists:" + table.index(),
                k -> "select 1 from " + table.to().quoted() + " where "
                        + table.keyColumns().stream()
                                .map(col -> quote(col.target()) + " = ?::" + col.targetType())
                                .collect(Collectors.joining(" and ")));
    }

    private static String comparable(String qualifier, TableMapping.Column column) {
        String expr = qualifier + "." + quote(column.target());
        return withoutEquality(column) ? expr + "::text" : expr;
    }

    private static boolean withoutEquality(TableMapping.Column column) {
        return TYPES_WITHOUT_EQUALITY.contains(
                column.targetType().replaceAll("\\(.*\\)", "").replace("[]", "").trim());
    }

    private String versionGuard(TableMapping table, String incoming) {
        TableMapping.Column v = table.versionColumn();
        if (conflicts.policy() != ConflictPolicy.LAST_WRITER_WINS || v == null) {
            return "";
        }
        String op = conflicts.winsTies() ? "<=" : "<";
        return " and (t." + quote(v.target()) + " is null or t." + quote(v.target()) + " " + op + " " + incoming + ")";
    }

    private String upsertSql(TableMapping table) {
        List<TableMapping.Column> cols = table.columns();
        String names = cols.stream().map(col -> quote(col.target())).collect(Collectors.joining(", "));
        String casts = cols.stream()
                .map(col -> "u." + quote(col.target()) + "::" + col.targetType())
                .collect(Collectors.joining(", "));
        String params = cols.stream().map(col -> "?::text[]").collect(Collectors.joining(", "));
        String keys =
                table.keyColumns().stream().map(col -> quote(col.target())).collect(Collectors.joining(", "));
        StringBuilder sql = new StringBuilder("insert into ")
                .append(table.to().quoted())
                .append(" as t (")
                .append(names)
                .append(") select ")
                .append(casts)
                .append(" from unnest(")
                .append(params)
                .append(") as u(")
                .append(names)
                .append(") on conflict (")
                .append(keys)
                .append(") do ");
        List<TableMapping.Column> nonKey = table.nonKeyColumns();
        if (nonKey.isEmpty()) {
            return sql.append("nothing").toString();
        }
        sql.append("update set ")
                .append(nonKey.stream()
                        .map(col -> quote(col.target()) + " = excluded." + quote(col.target()))
                        .collect(Collectors.joining(", ")));
        sql.append(" where (")
                .append(nonKey.stream().map(col -> comparable("t", col)).collect(Collectors.joining(", ")))
                .append(") is distinct from (")
                .append(nonKey.stream().map(col -> comparable("excluded", col)).collect(Collectors.joining(", ")))
                .append(")");
        TableMapping.Column v = table.versionColumn();
        if (v != null) {
            sql.append(versionGuard(table, "excluded." + quote(v.target())));
        }
        return sql.toString();
    }

    private String updateSql(TableMapping table, List<TableMapping.Column> set) {
        List<TableMapping.Column> all = new ArrayList<>(table.keyColumns());
        all.addAll(set);
        String aliases = table.keyColumns().stream()
                        .map(col -> quote("k_" + col.target()))
                        .collect(Collectors.joining(", "))
                + ", " + set.stream().map(col -> quote("v_" + col.target())).collect(Collectors.joining(", "));
        String params = all.stream().map(col -> "?::text[]").collect(Collectors.joining(", "));
        StringBuilder sql = new StringBuilder("update ")
                .append(table.to().quoted())
                .append(" as t set ")
                .append(set.stream()
                        .map(col ->
                                quote(col.target()) + " = u." + quote("v_" + col.target()) + "::" + col.targetType())
                        .collect(Collectors.joining(", ")))
                .append(" from unnest(")
                .append(params)
                .append(") as u(")
                .append(aliases)
                .append(") where ")
                .append(table.keyColumns().stream()
                        .map(col -> "t." + quote(col.target()) + " = u." + quote("k_" + col.target()) + "::"
                                + col.targetType())
                        .collect(Collectors.joining(" and ")));
        sql.append(" and (")
                .append(set.stream().map(col -> comparable("t", col)).collect(Collectors.joining(", ")))
                .append(") is distinct from (")
                .append(set.stream()
                        .map(col -> {
                            String cast = "u." + quote("v_" + col.target()) + "::" + col.targetType();
                            return withoutEquality(col) ? "(" + cast + ")::text" : cast;
                        })
                        .collect(Collectors.joining(", ")))
                .append(")");
        TableMapping.Column v = table.versionColumn();
        if (v != null && set.contains(v)) {
            sql.append(versionGuard(table, "u." + quote("v_" + v.target()) + "::" + v.targetType()));
        }
        sql.append(" returning ")
                .append(table.keyColumns().stream()
                        .map(col -> "t." + quote(col.target()) + "::text")
                        .collect(Collectors.joining(", ")));
        return sql.toString();
    }
}
