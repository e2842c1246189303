package dev.banyan.cdc.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.banyan.cdc.config.TableConfig.QualifiedName;

/**
 * Reads the {@code tables:} section of a table pipeline. Every problem of a table is recorded, not only the first:
 * each key column, rename, excluded column and the version column is checked on its own, so one run names them all.
 */
final class TableReader {

    private static final Set<String> TABLE_FIELDS = Set.of("from", "to", "key", "columns", "exclude", "version-column");

    private TableReader() {}

    /** The tables, or {@code null} when the section has a problem (each one recorded). */
    static List<TableConfig> tables(YamlContext ctx, Object node) {
        List<Object> tableNodes = ctx.attempt(() -> ctx.list(node, "tables"));
        if (tableNodes == null) {
            return null;
        }
        if (tableNodes.isEmpty()) {
            ctx.problems.add(ctx.error("tables", "must map at least one table").getMessage());
            return null;
        }
        List<TableConfig> tables = new ArrayList<>();
        Set<String> froms = new HashSet<>();
        Set<String> tos = new HashSet<>();
        for (int i = 0; i < tableNodes.size(); i++) {
            String field = "tables[" + i + "]";
            Object tableNode = tableNodes.get(i);
            TableConfig table = ctx.attempt(() -> table(ctx, field, tableNode));
            if (table == null) {
                continue;
            }
            if (!froms.add(table.from().toString())) {
                ctx.problems.add(ctx.error(field + ".from", "'" + table.from() + "' is mapped twice")
                        .getMessage());
            }
            if (!tos.add(table.to().toString())) {
                ctx.problems.add(ctx.error(field + ".to", "'" + table.to() + "' is the target of two mappings")
                        .getMessage());
            }
            tables.add(table);
        }
        return List.copyOf(tables);
    }

    private static TableConfig table(YamlContext ctx, String field, Object node) {
        Map<String, Object> map = ctx.map(node, field);
        int before = ctx.problems.size();
        ctx.rejectUnknown(map, TABLE_FIELDS, field + ".");
        QualifiedName from =
                ctx.attempt(() -> qualified(ctx, field + ".from", ctx.requiredString(map, field + ".from", "from")));
        QualifiedName to =
                ctx.attempt(() -> qualified(ctx, field + ".to", ctx.requiredString(map, field + ".to", "to")));
        List<String> key = key(ctx, field, map.get("key"));
        Map<String, String> columns = columns(ctx, field, map.get("columns"));
        Set<String> exclude = exclude(ctx, field, map.get("exclude"), key, columns);
        String versionColumn = null;
        if (map.get("version-column") != null) {
            versionColumn = ctx.attempt(() -> {
                String column = column(ctx, field + ".version-column", map.get("version-column"));
                if (exclude.contains(column)) {
                    throw ctx.error(
                            field + ".version-column", "'" + column + "' is excluded, so it cannot be compared");
                }
                return column;
            });
        }
        if (ctx.problems.size() > before) {
            throw new YamlContext.Reported();
        }
        return new TableConfig(from, to, List.copyOf(key), Map.copyOf(columns), Set.copyOf(exclude), versionColumn);
    }

    private static List<String> key(YamlContext ctx, String field, Object keyNode) {
        List<String> key = new ArrayList<>();
        if (keyNode == null) {
            ctx.problems.add(ctx.error(field + ".key", "is missing; list the key columns, e.g. [id]")
                    .getMessage());
            return key;
        }
        List<Object> keyList = keyNode instanceof List<?> l ? new ArrayList<>(l) : List.of(keyNode);
        if (keyList.isEmpty()) {
            ctx.problems.add(
                    ctx.error(field + ".key", "must list at least one column").getMessage());
        }
        for (Object k : keyList) {
            String column = ctx.attempt(() -> column(ctx, field + ".key", k));
            if (column == null) {
                continue;
            }
            if (key.contains(column)) {
                ctx.problems.add(ctx.error(field + ".key", "lists '" + column + "' twice")
                        .getMessage());
            } else {
                key.add(column);
            }
        }
        return key;
    }

    private static Map<String, String> columns(YamlContext ctx, String field, Object columnsNode) {
        Map<String, String> columns = new LinkedHashMap<>();
        if (columnsNode == null) {
            return columns;
        }
        Map<String, Object> columnMap = ctx.attempt(() -> ctx.map(columnsNode, field + ".columns"));
        if (columnMap == null) {
            return columns;
        }
        Set<String> targets = new HashSet<>();
        for (Map.Entry<String, Object> e : columnMap.entrySet()) {
            String sourceColumn = ctx.attempt(() -> column(ctx, field + ".columns", e.getKey()));
            String targetColumn = ctx.attempt(() -> column(ctx, field + ".columns." + e.getKey(), e.getValue()));
            if (sourceColumn == null || targetColumn == null) {
                continue;
            }
            if (!targets.add(targetColumn)) {
                ctx.problems.add(ctx.error(
                                field + ".columns." + e.getKey(),
                                "maps onto '" + targetColumn + "', which another column already maps onto")
                        .getMessage());
                continue;
            }
            columns.put(sourceColumn, targetColumn);
        }
        return columns;
    }

    private static Set<String> exclude(
            YamlContext ctx, String field, Object excludeNode, List<String> key, Map<String, String> columns) {
        Set<String> exclude = new LinkedHashSet<>();
        if (excludeNode == null) {
            return exclude;
        }
        List<Object> entries = ctx.attempt(() -> ctx.list(excludeNode, field + ".exclude"));
        for (Object e : entries == null ? List.of() : entries) {
            String column = ctx.attempt(() -> {
                String c = column(ctx, field + ".exclude", e);
                if (key.contains(c)) {
                    throw ctx.error(field + ".exclude", "'" + c + "' is a key column and cannot be excluded");
                }
                if (columns.containsKey(c)) {
                    throw ctx.error(field + ".exclude", "'" + c + "' is both renamed in columns and excluded");
                }
                return c;
            });
            if (column != null) {
                exclude.add(column);
            }
        }
        return exclude;
    }

    static QualifiedName qualified(YamlContext ctx, String field, String text) {
        try {
            return QualifiedName.parse(text);
        } catch (IllegalArgumentException e) {
            throw ctx.error(field, e.getMessage());
        }
    }

    private static String column(YamlContext ctx, String field, Object value) {
        if (!(value instanceof String s) || !s.matches("[A-Za-z_][A-Za-z0-9_$]*")) {
            throw ctx.error(field, "'" + value + "' is not a plain column name");
        }
        return s;
    }
}
