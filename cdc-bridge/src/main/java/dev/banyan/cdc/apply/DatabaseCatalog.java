package dev.banyan.cdc.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.banyan.cdc.config.TableConfig.QualifiedName;

/** Reads table shapes from PostgreSQL's catalog. */
public final class DatabaseCatalog {

    private DatabaseCatalog() {}

    /** A column as the database describes it. */
    public record ColumnInfo(String name, String type, boolean notNull, boolean hasDefault, boolean generated) {}

    /** A table's columns in ordinal order, plus its unique keys and replica identity. */
    public record TableInfo(
            QualifiedName name,
            Map<String, ColumnInfo> columns,
            List<Set<String>> uniqueKeys,
            Set<String> primaryKey,
            char replicaIdentity) {

        public boolean hasUniqueKeyOn(Set<String> key) {
            return uniqueKeys.stream().anyMatch(k -> k.equals(key));
        }
    }

    public static Optional<TableInfo> describe(Connection connection, QualifiedName table) throws SQLException {
        Long oid = null;
        char replicaIdentity = 'd';
        try (PreparedStatement ps = connection.prepareStatement(
                "select c.oid, c.relreplident from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                        + "where n.nspname = ? and c.relname = ? and c.relkind in ('r', 'p')")) {
            ps.setString(1, table.schema());
            ps.setString(2, table.table());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    oid = rs.getLong(1);
                    replicaIdentity = rs.getString(2).charAt(0);
                }
            }
        }
        if (oid == null) {
            return Optional.empty();
        }
        Map<String, ColumnInfo> columns = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "select a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.atthasdef, a.attgenerated <> '' "
                        + "from pg_attribute a where a.attrelid = ? and a.attnum > 0 and not a.attisdropped order by a.attnum")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.put(
                            rs.getString(1),
                            new ColumnInfo(
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getBoolean(3),
                                    rs.getBoolean(4),
                                    rs.getBoolean(5)));
                }
            }
        }
        List<Set<String>> uniqueKeys = new ArrayList<>();
        Set<String> primaryKey = Set.of();
        try (PreparedStatement ps = connection.prepareStatement(
                "select i.indisprimary, array(select a.attname from unnest(i.indkey) with ordinality k(attnum, o) "
                        + "join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum order by k.o) "
                        + "from pg_index i where i.indrelid = ? and i.indisunique and i.indpred is null and i.indexprs is null")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Set<String> key = new LinkedHashSet<>(
                            List.of((String[]) rs.getArray(2).getArray()));
                    uniqueKeys.add(key);
                    if (rs.getBoolean(1)) {
                        primaryKey = key;
                    }
                }
            }
        }
        return Optional.of(new TableInfo(table, columns, uniqueKeys, primaryKey, replicaIdentity));
    }
}
