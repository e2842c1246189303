package dev.banyan.cdc.engine;

import dev.banyan.cdc.apply.BridgeTables;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.storage.MemoryOffsetBackingStore;

import javax.sql.DataSource;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the Debezium engine's offsets in the target database ({@code banyan_cdc.engine_offset}) instead of a local file,
 * so a {@code kill -9} can never leave a half-written offset file behind.
 *
 * <p>These offsets only tell the engine where to resume reading. They are flushed after the batches they cover have
 * committed, so they never run ahead of the target; the position stored with each batch decides what is applied.
 */
public class TargetOffsetStore extends MemoryOffsetBackingStore {

    public static final String PIPELINE_PROPERTY = "banyan.pipeline";
    private static final Map<String, DataSource> TARGETS = new ConcurrentHashMap<>();

    private String pipeline;
    private DataSource target;

    static void register(String pipeline, DataSource target) {
        TARGETS.put(pipeline, target);
    }

    static void unregister(String pipeline) {
        TARGETS.remove(pipeline);
    }

    @Override
    public void configure(WorkerConfig config) {
        super.configure(config);
        pipeline = config.originalsStrings().get(PIPELINE_PROPERTY);
        target = pipeline == null ? null : TARGETS.get(pipeline);
        if (target == null) {
            throw new IllegalStateException("no target database registered for offsets of pipeline '" + pipeline + "'");
        }
    }

    @Override
    public synchronized void start() {
        super.start();
        try (Connection c = target.getConnection();
             PreparedStatement ps = c.prepareStatement("select offset_key, offset_value from " + BridgeTables.SCHEMA
                     + ".engine_offset where pipeline = ?")) {
            ps.setString(1, pipeline);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byte[] value = rs.getBytes(2);
                    data.put(ByteBuffer.wrap(rs.getBytes(1)), value == null ? null : ByteBuffer.wrap(value));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read engine offsets of pipeline '" + pipeline + "' from the target: "
                    + e.getMessage(), e);
        }
    }

    @Override
    protected void save() {
        try (Connection c = target.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("insert into " + BridgeTables.SCHEMA + ".engine_offset "
                    + "(pipeline, offset_key, offset_value, updated_at) values (?, ?, ?, now()) on conflict (pipeline, offset_key) "
                    + "do update set offset_value = excluded.offset_value, updated_at = excluded.updated_at")) {
                for (Map.Entry<ByteBuffer, ByteBuffer> e : data.entrySet()) {
                    ps.setString(1, pipeline);
                    ps.setBytes(2, bytes(e.getKey()));
                    ps.setBytes(3, e.getValue() == null ? null : bytes(e.getValue()));
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store engine offsets of pipeline '" + pipeline + "': " + e.getMessage(), e);
        }
    }

    @Override
    public Set<Map<String, Object>> connectorPartitions(String connectorName) {
        return Set.of();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
