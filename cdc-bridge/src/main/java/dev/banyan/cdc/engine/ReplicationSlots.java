package dev.banyan.cdc.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The logical replication slots of one source database, read from {@code pg_replication_slots}. */
public final class ReplicationSlots {

    /** Slots the bridge names by default start so; others are found through the configuration. */
    public static final String BRIDGE_PREFIX = "banyan_";

    /**
     * @param retainedWalBytes WAL the slot keeps on the server: {@code pg_current_wal_insert_lsn() - restart_lsn} (the
     *                         insert position, so WAL of asynchronous commits that is not written yet counts too)
     * @param activePid        the walsender reading the slot, or null when no one reads it
     * @param walStatus        PostgreSQL's {@code wal_status}: reserved, extended, unreserved or lost
     */
    public record Slot(String name, boolean active, Integer activePid, long retainedWalBytes, String walStatus) {}

    private ReplicationSlots() {}

    /** Logical slots of the connection's database, by name. */
    public static List<Slot> list(Connection source) throws SQLException {
        List<Slot> slots = new ArrayList<>();
        try (PreparedStatement ps = source.prepareStatement(
                        "select slot_name, active, active_pid, "
                                + "coalesce(pg_wal_lsn_diff(pg_current_wal_insert_lsn(), restart_lsn), 0)::bigint, wal_status "
                                + "from pg_replication_slots where slot_type = 'logical' and database = current_database() order by slot_name");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int pid = rs.getInt(3);
                slots.add(new Slot(
                        rs.getString(1), rs.getBoolean(2), rs.wasNull() ? null : pid, rs.getLong(4), rs.getString(5)));
            }
        }
        return slots;
    }

    public static Optional<Slot> find(Connection source, String name) throws SQLException {
        return list(source).stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Drops the slot; PostgreSQL refuses while a walsender reads it. */
    public static void drop(Connection source, String name) throws SQLException {
        try (PreparedStatement ps = source.prepareStatement("select pg_drop_replication_slot(?)")) {
            ps.setString(1, name);
            ps.execute();
        }
    }
}
