package dev.banyan.cdc.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.banyan.cdc.apply.BridgeTables;
import dev.banyan.cdc.apply.ConnectionFailedException;
import dev.banyan.cdc.apply.Databases;
import dev.banyan.cdc.config.ConfigException;
import dev.banyan.cdc.config.OutboxPipelineConfig;
import dev.banyan.cdc.outbox.OutboxRecords;

/**
 * Prepares the source of an outbox pipeline: the bridge tables exist (its engine offsets live in the source, there is
 * no target database), the outbox table has the router's columns, and the publication lists the outbox table and the
 * heartbeat table for inserts and updates only: the pruning deletes are never decoded for the bridge.
 */
final class OutboxSourcePreparation {

    private OutboxSourcePreparation() {}

    /** Prepares the source and returns the SQL type of the outbox's {@code id} column. */
    static String prepare(String file, OutboxPipelineConfig pipeline) {
        try (Connection source = Databases.connect(pipeline.name(), "source", pipeline.source())) {
            BridgeTables.ensure(source);
            try (Statement st = source.createStatement();
                    ResultSet rs = st.executeQuery("show wal_level")) {
                rs.next();
                if (!"logical".equals(rs.getString(1))) {
                    throw new ConnectionFailedException(
                            "pipeline '" + pipeline.name() + "': source: wal_level is '" + rs.getString(1) + "' on "
                                    + pipeline.source().url() + "; logical decoding needs wal_level=logical",
                            null);
                }
            }
            Map<String, String> columns = columns(source, pipeline);
            if (columns.isEmpty()) {
                throw new ConfigException(
                        file + ": pipeline '" + pipeline.name() + "': outbox: table " + pipeline.table()
                                + " does not exist on " + pipeline.source().url());
            }
            List<String> missing = new ArrayList<>();
            for (String column : OutboxRecords.columns()) {
                if (OutboxRecords.requiredColumns().contains(column) && !columns.containsKey(column)) {
                    missing.add(column);
                }
            }
            if (!missing.isEmpty()) {
                throw new ConfigException(file + ": pipeline '" + pipeline.name() + "': outbox: table "
                        + pipeline.table() + " lacks the outbox column(s) " + missing
                        + " (layout: id, aggregatetype, aggregateid, type, version, handler, payload, occurred_at)");
            }
            ensurePublication(source, pipeline);
            return columns.get("id");
        } catch (SQLException e) {
            throw new ConnectionFailedException(
                    "pipeline '" + pipeline.name() + "': preparing the source for capture failed: " + e.getMessage(),
                    e);
        }
    }

    private static Map<String, String> columns(Connection source, OutboxPipelineConfig pipeline) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (PreparedStatement ps = source.prepareStatement("select a.attname, format_type(a.atttypid, a.atttypmod) "
                + "from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace "
                + "where n.nspname = ? and c.relname = ? and a.attnum > 0 and not a.attisdropped")) {
            ps.setString(1, pipeline.table().schema());
            ps.setString(2, pipeline.table().table());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return columns;
    }

    private static void ensurePublication(Connection source, OutboxPipelineConfig pipeline) throws SQLException {
        String tables = pipeline.table().quoted() + ", " + BridgeTables.HEARTBEAT_TABLE;
        boolean exists;
        try (PreparedStatement ps = source.prepareStatement("select 1 from pg_publication where pubname = ?")) {
            ps.setString(1, pipeline.publication());
            try (ResultSet rs = ps.executeQuery()) {
                exists = rs.next();
            }
        }
        try (Statement st = source.createStatement()) {
            if (!exists) {
                st.execute("create publication " + pipeline.publication() + " for table " + tables
                        + " with (publish = 'insert, update')");
            } else {
                // corrected every start: exactly these tables, and no deletes
                st.execute("alter publication " + pipeline.publication() + " set table " + tables);
                st.execute("alter publication " + pipeline.publication() + " set (publish = 'insert, update')");
            }
        }
    }
}
