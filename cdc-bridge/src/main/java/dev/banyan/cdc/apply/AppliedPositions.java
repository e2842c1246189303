package dev.banyan.cdc.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * A pipeline's bookkeeping rows in the target, written inside each apply transaction: the origin marker (its first
 * write, which tells the opposite pipeline that the bridge wrote the transaction) and the highest source position
 * applied (its last write, which makes a replay after a crash a no-op).
 */
final class AppliedPositions {

    private final String pipeline;
    private final DataSource target;

    AppliedPositions(String pipeline, DataSource target) {
        this.pipeline = pipeline;
        this.target = target;
    }

    /** The first write of every apply transaction. */
    static void markOrigin(Connection c, String pipeline) throws SQLException {
        try (PreparedStatement marker = c.prepareStatement("insert into " + BridgeTables.MARKER_TABLE
                + " (origin, batches, applied_at) values (?, 1, now()) on conflict (origin) do update set "
                + "batches = origin_marker.batches + 1, applied_at = excluded.applied_at")) {
            marker.setString(1, pipeline);
            marker.executeUpdate();
        }
    }

    void markOrigin(Connection c) throws SQLException {
        markOrigin(c, pipeline);
    }

    /** Stores the batch's position ({@code null}: cleared, after a snapshot) and adds {@code written} to the count. */
    void write(Connection c, SourcePosition position, long written) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into " + BridgeTables.SCHEMA + ".applied_position "
                + "(pipeline, tx_order, lsn, ordinal, applied_at, rows_applied) values (?, ?, ?, ?, now(), ?) "
                + "on conflict (pipeline) do update set tx_order = excluded.tx_order, lsn = excluded.lsn, "
                + "ordinal = excluded.ordinal, applied_at = excluded.applied_at, "
                + "rows_applied = applied_position.rows_applied + excluded.rows_applied")) {
            ps.setString(1, pipeline);
            if (position == null) {
                ps.setNull(2, Types.BIGINT);
                ps.setNull(3, Types.BIGINT);
                ps.setNull(4, Types.INTEGER);
            } else {
                ps.setLong(2, position.txOrder());
                ps.setLong(3, position.lsn());
                ps.setInt(4, position.ordinal());
            }
            ps.setLong(5, written);
            ps.executeUpdate();
        }
    }

    /** The stored position, or {@code null} before the first streamed batch (or after a snapshot). */
    @Nullable
    SourcePosition read() throws SQLException {
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

    /** A commit whose acknowledgement was lost may still have landed; the stored position tells. */
    boolean covers(SourcePosition position) {
        try {
            SourcePosition stored = read();
            return stored != null && position.isAtOrBelow(stored);
        } catch (SQLException e) {
            return false;
        }
    }
}
