package dev.banyan.cdc.engine;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

import dev.banyan.cdc.apply.BridgeTables;

import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.storage.MemoryOffsetBackingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the Debezium engine's offsets in the target database ({@code banyan_cdc.engine_offset}) instead of a local file,
 * so a {@code kill -9} can never leave a half-written offset file behind.
 *
 * <p>These offsets only tell the engine where to resume reading; the position stored with each batch decides what is
 * applied. Two rules keep a stored offset from ever pointing past changes the target does not hold: it is persisted
 * only if the last offset the pipeline declared applied covers it ({@link AppliedOffsets}), and it is persisted as
 * "after the last commit", never as a position inside a transaction ({@link #atLastCommit}).
 */
public class TargetOffsetStore extends MemoryOffsetBackingStore {

    public static final String PIPELINE_PROPERTY = "banyan.pipeline";
    // the PostgreSQL connector's offset fields
    static final String COMMIT_LSN = "lsn_commit";
    static final String CHANGE_LSN = "lsn_proc";
    static final String LSN = "lsn";
    static final String MESSAGE_TYPE = "messageType";
    private static final Logger log = LoggerFactory.getLogger(TargetOffsetStore.class);
    private static final Map<String, Registration> TARGETS = new ConcurrentHashMap<>();

    private record Registration(DataSource target, AppliedOffsets applied) {}

    private String pipeline;
    private DataSource target;
    private AppliedOffsets applied;
    /** The engine serializes offsets with a schemaless JSON converter; they are read back and rewritten the same way. */
    private final JsonConverter values = schemaless();
    /** What the target holds, so a refused offset is also forgotten in memory. */
    private final Map<ByteBuffer, ByteBuffer> persisted = new HashMap<>();

    static void register(String pipeline, DataSource target, AppliedOffsets applied) {
        TARGETS.put(pipeline, new Registration(target, applied));
    }

    static void unregister(String pipeline) {
        TARGETS.remove(pipeline);
    }

    @Override
    public void configure(WorkerConfig config) {
        super.configure(config);
        pipeline = config.originalsStrings().get(PIPELINE_PROPERTY);
        Registration registration = pipeline == null ? null : TARGETS.get(pipeline);
        if (registration == null) {
            throw new IllegalStateException("no target database registered for offsets of pipeline '" + pipeline + "'");
        }
        target = registration.target();
        applied = registration.applied();
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
                persisted.putAll(data);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read engine offsets of pipeline '" + pipeline + "' from the target: " + e.getMessage(), e);
        }
    }

    @Override
    protected void save() {
        for (Map.Entry<ByteBuffer, ByteBuffer> entry : data.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            Map<?, ?> offset = offset(entry.getValue());
            if (!applied.covers(offset)) {
                // never reached while the pipeline acknowledges only applied records; kept as the last line of defence
                log.error(
                        "pipeline '{}': not storing engine offset {}: it lies past what the target has applied",
                        pipeline,
                        offset);
                data.clear();
                data.putAll(persisted);
                return;
            }
            entry.setValue(ByteBuffer.wrap(values.fromConnectData("", null, atLastCommit(offset))));
        }
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
                persisted.clear();
                persisted.putAll(data);
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot store engine offsets of pipeline '" + pipeline + "': " + e.getMessage(), e);
        }
    }

    /**
     * Points a streaming offset at its last commit: the change position becomes one byte before the commit LSN, where
     * no WAL record can start. On restart Debezium then replays every transaction committed after that commit from its
     * first change. Left as it is, the change position can equal the LSN of a change of a transaction that began
     * earlier and commits later (its records interleave with the commit), and Debezium's resume search would skip
     * that transaction's changes before it.
     */
    static Map<?, ?> atLastCommit(Map<?, ?> offset) {
        if (!(offset.get(COMMIT_LSN) instanceof Number commit) || Boolean.TRUE.equals(offset.get("snapshot"))) {
            return offset;
        }
        Map<Object, Object> resume = new HashMap<>(offset);
        resume.put(CHANGE_LSN, commit.longValue() - 1);
        resume.put(LSN, commit.longValue() - 1);
        resume.put(MESSAGE_TYPE, "COMMIT");
        return resume;
    }

    /** An engine offset as stored, read back into a map. */
    static Map<?, ?> parse(byte[] value) {
        try (JsonConverter converter = schemaless()) {
            return read(converter, value);
        }
    }

    private static Map<?, ?> read(JsonConverter converter, byte[] value) {
        Object parsed = converter.toConnectData("", value).value();
        return parsed instanceof Map<?, ?> map ? map : Map.of();
    }

    private static JsonConverter schemaless() {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, "false"), false);
        return converter;
    }

    private Map<?, ?> offset(ByteBuffer value) {
        return read(values, bytes(value));
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
