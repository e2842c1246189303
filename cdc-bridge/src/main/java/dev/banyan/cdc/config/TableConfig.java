package dev.banyan.cdc.config;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One mapped table as written in the YAML: {@code from} (schema.table in the source), {@code to} (schema.table in the
 * target), the key columns (source names), explicit renames, columns to leave out, and the optional version column
 * that the last-writer-wins conflict policy compares.
 */
public record TableConfig(
        QualifiedName from,
        QualifiedName to,
        List<String> key,
        Map<String, String> columns,
        Set<String> exclude,
        String versionColumn) {

    public record QualifiedName(String schema, String table) {

        public static QualifiedName parse(String text) {
            String[] parts = text.split("\\.");
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("must be schema.table, was '" + text + "'");
            }
            for (String part : parts) {
                if (!part.matches("[A-Za-z_][A-Za-z0-9_$]*")) {
                    throw new IllegalArgumentException("'" + part + "' is not a plain SQL identifier");
                }
            }
            return new QualifiedName(parts[0], parts[1]);
        }

        @Override
        public String toString() {
            return schema + "." + table;
        }

        public String quoted() {
            return '"' + schema + "\".\"" + table + '"';
        }
    }
}
