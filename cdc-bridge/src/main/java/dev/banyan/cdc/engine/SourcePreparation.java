package dev.banyan.cdc.engine;

import dev.banyan.cdc.apply.BridgeTables;
import dev.banyan.cdc.apply.ConnectionFailedException;
import dev.banyan.cdc.apply.Databases;
import dev.banyan.cdc.apply.TableMapping;
import dev.banyan.cdc.config.PipelineConfig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Prepares the source for capture: the bridge tables exist, and the pipeline's publication covers exactly the mapped
 * tables plus the bridge's marker and heartbeat tables (created if missing, corrected if it drifted).
 */
final class SourcePreparation {

    private SourcePreparation() {
    }

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
            throw new ConnectionFailedException("pipeline '" + pipeline.name() + "': preparing the source for capture failed: "
                    + e.getMessage(), e);
        }
    }

    private static void checkWalLevel(PipelineConfig pipeline, Connection source) throws SQLException {
        try (Statement st = source.createStatement(); ResultSet rs = st.executeQuery("show wal_level")) {
            rs.next();
            if (!"logical".equals(rs.getString(1))) {
                throw new ConnectionFailedException("pipeline '" + pipeline.name() + "': source: wal_level is '" + rs.getString(1)
                        + "' on " + pipeline.source().url() + "; logical decoding needs wal_level=logical", null);
            }
        }
    }

    private static void ensurePublication(Connection source, String publication, List<String> tables,
                                          List<TableMapping> mappings) throws SQLException {
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
        try (PreparedStatement ps = source.prepareStatement("select schemaname || '.' || tablename from pg_publication_tables where pubname = ?")) {
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
