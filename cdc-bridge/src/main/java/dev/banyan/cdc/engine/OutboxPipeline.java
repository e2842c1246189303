package dev.banyan.cdc.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.banyan.cdc.apply.BridgeTables;
import dev.banyan.cdc.apply.Databases;
import dev.banyan.cdc.apply.PipelineHaltedException;
import dev.banyan.cdc.config.DatabaseEndpoint;
import dev.banyan.cdc.config.OutboxPipelineConfig;
import dev.banyan.cdc.config.PipelineConfig;
import dev.banyan.cdc.metrics.OutboxMetrics;
import dev.banyan.cdc.outbox.KafkaPublisher;
import dev.banyan.cdc.outbox.OutboxPruner;
import dev.banyan.cdc.outbox.OutboxRecords;

import com.zaxxer.hikari.HikariDataSource;
import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one outbox pipeline on the Debezium embedded engine: the outbox table's inserts are routed to Kafka records
 * ({@link OutboxRecords}), published ({@link KafkaPublisher}) and pruned ({@link OutboxPruner}).
 *
 * <p>Order of every batch, which is the whole delivery guarantee: (1) send all its records and wait until Kafka
 * acknowledged each one, retrying while it does not; (2) delete those rows from the outbox; (3) only then mark records
 * processed, so the engine's offset (kept in {@code banyan_cdc.engine_offset} of the source) may move. As for table
 * pipelines, offsets are acknowledged only at transaction ends, so after a crash the engine reads again from the last
 * committed transaction's end: every row of a later transaction is published again (at least once, never lost), and a
 * row is never deleted before Kafka has it. Records of one key keep their order: one producer, sent in stream order,
 * idempotent, and a failed attempt is retried as a whole, in order.
 */
public final class OutboxPipeline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxPipeline.class);

    private final String file;
    private final OutboxPipelineConfig config;
    private final OutboxMetrics metrics;
    private final HikariDataSource source;
    private final String topicPrefix;
    private final ExecutorService engineThread;
    private final ScheduledExecutorService scheduler;
    private final AppliedOffsets offsets = new AppliedOffsets();
    private final OutboxRecords records;
    private final KafkaPublisher publisher;

    private volatile DebeziumPipeline.State state = DebeziumPipeline.State.STARTING;
    private volatile String haltReason;
    private volatile boolean closing;
    private volatile DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private OutboxPruner pruner;
    /** Between a streamed transaction's first record and its END: nothing read in between may be acknowledged. */
    private boolean inTransaction;

    private int restartDelaySeconds = 1;

    public OutboxPipeline(String file, OutboxPipelineConfig config, OutboxMetrics metrics) {
        this.file = file;
        this.config = config;
        this.metrics = metrics;
        this.topicPrefix = "banyan_" + config.name().replace('-', '_');
        this.source = Databases.pool(config.name(), "source", config.source(), 2);
        this.records = new OutboxRecords(config);
        this.publisher = new KafkaPublisher(config, metrics);
        this.engineThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "cdc-" + config.name()));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cdc-" + config.name() + "-monitor");
            t.setDaemon(true);
            return t;
        });
    }

    public String name() {
        return config.name();
    }

    public OutboxPipelineConfig config() {
        return config;
    }

    public DebeziumPipeline.State state() {
        return state;
    }

    /** Why publication waits, while Kafka does not acknowledge; {@code null} while it does. */
    public String brokerError() {
        return publisher.lastError();
    }

    public String haltReason() {
        return haltReason;
    }

    public OutboxMetrics metrics() {
        return metrics;
    }

    public void start() {
        String idType = OutboxSourcePreparation.prepare(file, config);
        pruner = new OutboxPruner(
                source, config.table().quoted(), idType, config.prune().batchSize());
        TargetOffsetStore.register(config.name(), source, offsets);
        scheduler.scheduleWithFixedDelay(this::pollRetainedWal, 0, 5, TimeUnit.SECONDS);
        launchEngine();
    }

    private synchronized void launchEngine() {
        if (closing) {
            return;
        }
        inTransaction = false;
        engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(engineProperties())
                .using(this::engineStopped)
                .notifying(this::handleBatch)
                .build();
        engineThread.execute(engine);
        metrics.up(true);
    }

    Properties engineProperties() {
        DatabaseEndpoint.JdbcTarget db = config.source().parsed();
        Properties p = new Properties();
        p.setProperty("name", topicPrefix);
        p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        p.setProperty("offset.storage", TargetOffsetStore.class.getName());
        p.setProperty(TargetOffsetStore.PIPELINE_PROPERTY, config.name());
        // every offset flush bounds the events published again after a crash; a flush is one small upsert
        p.setProperty("offset.flush.interval.ms", "250");
        p.setProperty("offset.flush.timeout.ms", "10000");
        p.setProperty("database.hostname", db.host());
        p.setProperty("database.port", String.valueOf(db.port()));
        p.setProperty("database.dbname", db.database());
        p.setProperty("database.user", config.source().user());
        p.setProperty("database.password", config.source().password());
        p.setProperty("topic.prefix", topicPrefix);
        p.setProperty("plugin.name", "pgoutput");
        p.setProperty("slot.name", config.slot());
        p.setProperty("publication.name", config.publication());
        p.setProperty("publication.autocreate.mode", "disabled");
        p.setProperty(
                "table.include.list",
                config.table().toString().replace(".", "\\.") + "," + BridgeTables.HEARTBEAT_TABLE.replace(".", "\\."));
        p.setProperty(
                "snapshot.mode", config.snapshot() == PipelineConfig.SnapshotMode.INITIAL ? "initial" : "no_data");
        p.setProperty("provide.transaction.metadata", "true");
        p.setProperty(
                "heartbeat.interval.ms",
                String.valueOf(config.heartbeatInterval().toMillis()));
        p.setProperty("heartbeat.action.query", BridgeTables.heartbeatStatement(config.name()));
        p.setProperty("tombstones.on.delete", "false");
        p.setProperty("max.batch.size", String.valueOf(config.batchSize()));
        p.setProperty("max.queue.size", String.valueOf(Math.max(8192, config.batchSize() * 4)));
        p.setProperty("poll.interval.ms", "50");
        p.setProperty("status.update.interval.ms", "1000");
        p.setProperty("slot.max.retries", "120");
        p.setProperty("slot.retry.delay.ms", "500");
        p.setProperty("snapshot.fetch.size", "10000");
        p.setProperty("errors.max.retries", "-1");
        db.parameters().forEach((name, value) -> p.setProperty("database." + name, value));
        config.debezium().forEach(p::setProperty);
        p.setProperty("retriable.restart.connector.wait.ms", "2000");
        return p;
    }

    private void handleBatch(
            List<RecordChangeEvent<SourceRecord>> batch,
            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        List<ProducerRecord<String, String>> outgoing = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        int deadLetters = 0;
        long newestCommit = 0;
        List<RecordChangeEvent<SourceRecord>> acknowledge = new ArrayList<>();
        for (RecordChangeEvent<SourceRecord> event : batch) {
            SourceRecord record = event.record();
            String topic = record.topic();
            if (topic.startsWith("__debezium-heartbeat")) {
                if (!inTransaction) {
                    acknowledge.add(event);
                }
                continue;
            }
            if (!(record.value() instanceof Struct value)) {
                continue;
            }
            if (topic.equals(topicPrefix + ".transaction")) {
                if ("BEGIN".equals(value.getString("status"))) {
                    inTransaction = true;
                } else if ("END".equals(value.getString("status"))) {
                    inTransaction = false;
                    acknowledge.add(event);
                }
                continue;
            }
            boolean snapshot = isSnapshot(record);
            if (!snapshot) {
                inTransaction = true;
            }
            state = snapshot ? DebeziumPipeline.State.SNAPSHOTTING : DebeziumPipeline.State.STREAMING;
            Struct sourceInfo = value.getStruct("source");
            long commitMillis = sourceInfo == null ? 0 : sourceInfo.getInt64("ts_ms");
            if (topic.endsWith("." + BridgeTables.HEARTBEAT_TABLE)) {
                metrics.heartbeat(commitMillis);
            } else {
                OutboxRecords.Outgoing out = records.route(record);
                if (out != null) {
                    outgoing.add(out.record());
                    if (!out.eventId().isEmpty()) {
                        ids.add(out.eventId());
                    }
                    if (out.deadLetterReason() != null) {
                        deadLetters++;
                        log.warn(
                                "pipeline '{}': outbox row {} dead-lettered to {}: {}",
                                config.name(),
                                out.eventId(),
                                out.record().topic(),
                                out.deadLetterReason());
                    }
                    newestCommit = Math.max(newestCommit, commitMillis);
                }
            }
            if (snapshot) {
                acknowledge.add(event);
            }
        }
        if (!outgoing.isEmpty()) {
            try {
                publisher.publishAll(outgoing);
            } catch (KafkaPublisher.PermanentFailure e) {
                throw halt(e.getMessage());
            }
            metrics.published(outgoing.size() - deadLetters, deadLetters, newestCommit);
            if (config.prune().enabled() && !ids.isEmpty()) {
                prune(ids);
            }
        }
        for (RecordChangeEvent<SourceRecord> event : acknowledge) {
            offsets.declareApplied(event.record().sourceOffset());
            committer.markProcessed(event);
        }
        committer.markBatchFinished();
        if (state == DebeziumPipeline.State.STARTING) {
            state = DebeziumPipeline.State.STREAMING;
        }
        restartDelaySeconds = 1;
    }

    /**
     * Deletes the acknowledged rows before the offset moves. If the source cannot take the delete, the batch is not
     * acknowledged: the engine stops and reads the rows again after its restart, publishing them once more.
     */
    private void prune(List<String> ids) {
        try {
            metrics.pruned(pruner.prune(ids));
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "pipeline '" + config.name() + "': pruning " + ids.size() + " published outbox row(s) failed: "
                            + e.getMessage(),
                    e);
        }
    }

    private static boolean isSnapshot(SourceRecord record) {
        Object snapshot =
                record.sourceOffset() == null ? null : record.sourceOffset().get("snapshot");
        return snapshot != null && !"false".equalsIgnoreCase(String.valueOf(snapshot));
    }

    private PipelineHaltedException halt(String reason) {
        haltReason = reason;
        state = DebeziumPipeline.State.HALTED;
        metrics.up(false);
        log.error(reason);
        return new PipelineHaltedException(reason);
    }

    private void engineStopped(boolean success, String message, Throwable error) {
        if (closing || state == DebeziumPipeline.State.HALTED) {
            if (state != DebeziumPipeline.State.HALTED) {
                state = DebeziumPipeline.State.STOPPED;
            }
            metrics.up(false);
            return;
        }
        metrics.up(false);
        state = DebeziumPipeline.State.RESTARTING;
        int delay = restartDelaySeconds;
        restartDelaySeconds = Math.min(30, restartDelaySeconds * 2);
        log.warn(
                "pipeline '{}': capture stopped ({}{}); restarting in {} s",
                config.name(),
                message,
                error == null ? "" : ": " + error.getMessage(),
                delay);
        try {
            scheduler.schedule(this::launchEngine, delay, TimeUnit.SECONDS);
        } catch (java.util.concurrent.RejectedExecutionException ignored) {
            // shutting down
        }
    }

    private void pollRetainedWal() {
        try (Connection c = source.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), restart_lsn)::bigint "
                                + "from pg_replication_slots where slot_name = ?")) {
            ps.setString(1, config.slot());
            try (ResultSet rs = ps.executeQuery()) {
                metrics.retainedWalBytes(rs.next() ? rs.getLong(1) : 0);
            }
        } catch (Exception e) {
            log.debug("pipeline '{}': cannot read the slot's retained WAL: {}", config.name(), e.getMessage());
        }
    }

    /** Stops publication: a batch waiting for Kafka is abandoned unacknowledged, so it is published after a restart. */
    @Override
    public void close() {
        closing = true;
        publisher.close();
        DebeziumEngine<RecordChangeEvent<SourceRecord>> current = engine;
        if (current != null) {
            try {
                current.close();
            } catch (Exception e) {
                log.warn("pipeline '{}': engine did not close cleanly: {}", config.name(), e.getMessage());
            }
        }
        scheduler.shutdownNow();
        engineThread.shutdown();
        try {
            engineThread.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (state != DebeziumPipeline.State.HALTED) {
            state = DebeziumPipeline.State.STOPPED;
        }
        metrics.up(false);
        TargetOffsetStore.unregister(config.name());
        source.close();
    }
}
