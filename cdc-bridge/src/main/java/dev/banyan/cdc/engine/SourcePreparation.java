package dev.banyan.cdc.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import dev.banyan.cdc.apply.BridgeTables;
import dev.banyan.cdc.apply.ConnectionFailedException;
import dev.banyan.cdc.apply.Databases;
import dev.banyan.cdc.apply.TableMapping;
import dev.banyan.cdc.config.ConfigException;
import dev.banyan.cdc.config.PipelineConfig;

import org.jspecify.annotations.Nullable;

/**
 * Prepares the source for capture: the bridge tables exist, and the pipeline's publication covers exactly the mapped
 * tables plus the bridge's marker and heartbeat tables (created if missing, corrected if it drifted).
 */
final class SourcePreparation {

    private SourcePreparation() {}

    static void prepare(PipelineConfig pipeline, List<TableMapping> tables) {
        try (Connection source = Databases.connect(pipeline.name(), "source", pipeline.source());
                Connection target = Databases.connect(pipeline.name(), "target", pipeline.target())) {
            BridgeTables.ensure(source);
            BridgeTables.ensure(target);
            checkWalLevel(pipeline, source);
            List<String> wanted = new ArrayList<>();
            for (TableMapping t : tables) {
                wanted.add(t.from().quoted());
            }
            wanted.add(BridgeTables.MARKER_TABLE);
            wanted.add(BridgeTables.HEARTBEAT_TABLE);
            ensurePublication(source, pipeline.publicationName(), wanted, tables);
        } catch (SQLException e) {
            throw new ConnectionFailedException(
                    "pipeline '" + pipeline.name() + "': preparing the source for capture failed: " + e.getMessage(),
                    e);
        }
    }

    /**
     * Refuses a table added to the mapping of a pipeline that has already snapshotted and streams: a snapshot runs only
     * on a pipeline's first start, so the table's existing rows would never reach the target. A table is "added" when
     * the pipeline's publication, which lists exactly the tables the pipeline captured so far, does not contain it.
     */
    static void checkNewTablesBackfilled(String file, PipelineConfig pipeline, List<TableMapping> tables) {
        if (pipeline.snapshot() != PipelineConfig.SnapshotMode.INITIAL) {
            return;
        }
        try (Connection source = Databases.connect(pipeline.name(), "source", pipeline.source());
                Connection target = Databases.connect(pipeline.name(), "target", pipeline.target())) {
            TreeSet<String> published = publishedTables(source, pipeline.publicationName());
            if (published == null || !streamsAlready(target, pipeline.name())) {
                return;
            }
            for (TableMapping t : tables) {
                if (!published.contains(t.from().toString())) {
                    String slot = pipeline.slotName();
                    throw new ConfigException(
                            file + ": pipeline '" + pipeline.name() + "': tables[" + t.index() + "].from: "
                                    + t.from()
                                    + " was added to a pipeline that has already snapshotted, so its existing rows were "
                                    + "never copied to " + t.to()
                                    + " (a snapshot runs only on a pipeline's first start). Backfill "
                                    + "it before starting: map it in a new pipeline of its own (its first start snapshots it); or "
                                    + "snapshot this pipeline again: with the bridge stopped, run on the source \"select "
                                    + "pg_drop_replication_slot('" + slot + "')\" and on the target \"delete from "
                                    + BridgeTables.SCHEMA + ".engine_offset where pipeline = '" + pipeline.name()
                                    + "'; delete from "
                                    + BridgeTables.SCHEMA + ".applied_position where pipeline = '" + pipeline.name()
                                    + "'\", then "
                                    + "start (rows already equal are not rewritten); or, if you copied the rows yourself, run on the "
                                    + "source \"alter publication " + pipeline.publicationName() + " add table "
                                    + t.from().quoted()
                                    + "\" and start.");
                }
            }
        } catch (SQLException e) {
            throw new ConnectionFailedException(
                    "pipeline '" + pipeline.name() + "': reading the publication and stored " + "offsets failed: "
                            + e.getMessage(),
                    e);
        }
    }

    /** The tables of the publication, or {@code null} when it does not exist yet. */
    private static @Nullable TreeSet<String> publishedTables(Connection source, String publication)
            throws SQLException {
        try (PreparedStatement ps = source.prepareStatement("select 1 from pg_publication where pubname = ?")) {
            ps.setString(1, publication);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
            }
        }
        TreeSet<String> tables = new TreeSet<>();
        try (PreparedStatement ps = source.prepareStatement(
                "select schemaname || '.' || tablename from pg_publication_tables where pubname = ?")) {
            ps.setString(1, publication);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }

    /** Has the engine stored an offset past its snapshot? Then it will not snapshot again on its own. */
    private static boolean streamsAlready(Connection target, String pipeline) throws SQLException {
        try (PreparedStatement ps = target.prepareStatement(
                "select offset_value from " + BridgeTables.SCHEMA + ".engine_offset where pipeline = ?")) {
            ps.setString(1, pipeline);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byte[] value = rs.getBytes(1);
                    if (value != null
                            && !Boolean.TRUE.equals(
                                    TargetOffsetStore.parse(value).get("snapshot"))) {
                        return true;
                    }
                }
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return false; // the bridge tables do not exist yet: first start
            }
            throw e;
        }
        return false;
    }

    private static void checkWalLevel(PipelineConfig pipeline, Connection source) throws SQLException {
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
    }

    private static void ensurePublication(
            Connection source, String publication, List<String> tables, List<TableMapping> mappings)
            throws SQLException {
        boolean exists;
        try (PreparedStatement ps = source.prepareStatement("select 1 from pg_publication where pubname = ?")) {
            ps.setString(1, publication);
            try (ResultSet rs = ps.executeQuery()) {
                exists = rs.next();
            }
        }
        String list = String.join(", ", tables);
        try (Statement st = source.createStatement()) {
            if (!exists) {
                st.execute("create publication " + publication + " for table " + list);
                return;
            }
        }
        TreeSet<String> current = new TreeSet<>();
        try (PreparedStatement ps = source.prepareStatement(
                "select schemaname || '.' || tablename from pg_publication_tables where pubname = ?")) {
            ps.setString(1, publication);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    current.add(rs.getString(1));
                }
            }
        }
        TreeSet<String> expected = new TreeSet<>();
        for (TableMapping m : mappings) {
            expected.add(m.from().toString());
        }
        expected.add(BridgeTables.MARKER_TABLE);
        expected.add(BridgeTables.HEARTBEAT_TABLE);
        if (!current.equals(expected)) {
            try (Statement st = source.createStatement()) {
                st.execute("alter publication " + publication + " set table " + list);
            }
        }
    }
}
