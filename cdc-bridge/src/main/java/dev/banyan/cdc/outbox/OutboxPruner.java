package dev.banyan.cdc.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Deletes published rows from the outbox table, by id, in batches, on its own connection. It is called only with the
 * ids of rows Kafka has acknowledged, and before the engine's offset moves past them: a crash after the delete makes
 * the engine read the rows' inserts again from the slot and publish them once more (at least once), and a crash
 * before it leaves rows whose inserts are read again too, so no published row is left behind.
 */
public final class OutboxPruner {

    private final DataSource source;
    private final String delete;
    private final int batchSize;

    /**
     * @param table the quoted outbox table
     * @param idType the SQL type of its {@code id} column, so the delete uses the primary key index
     */
    public OutboxPruner(DataSource source, String table, String idType, int batchSize) {
        this.source = source;
        this.delete = "delete from " + table + " where id = any(?::" + idType + "[])";
        this.batchSize = batchSize;
    }

    /** Deletes the rows with these ids; returns how many existed. */
    public int prune(List<String> ids) throws SQLException {
        int deleted = 0;
        try (Connection c = source.getConnection();
                PreparedStatement ps = c.prepareStatement(delete)) {
            c.setAutoCommit(true);
            for (int from = 0; from < ids.size(); from += batchSize) {
                List<String> part = ids.subList(from, Math.min(ids.size(), from + batchSize));
                Array array = c.createArrayOf("text", part.toArray());
                ps.setArray(1, array);
                deleted += ps.executeUpdate();
                array.free();
            }
        }
        return deleted;
    }
}
