package dev.banyan.cdc.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.banyan.cdc.apply.BatchApplier;
import dev.banyan.cdc.apply.BridgeTables;
import dev.banyan.cdc.apply.Databases;
import dev.banyan.cdc.apply.PipelineHaltedException;
import dev.banyan.cdc.apply.RowChange;
import dev.banyan.cdc.apply.TableMapping;
import dev.banyan.cdc.config.DatabaseEndpoint;
import dev.banyan.cdc.config.PipelineConfig;
import dev.banyan.cdc.connect.ConnectChangeConverter;
import dev.banyan.cdc.metrics.PipelineMetrics;

import com.zaxxer.hikari.HikariDataSource;
import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one pipeline on the Debezium embedded engine: PostgreSQL connector, pgoutput, the pipeline's publication and
 * replication slot. Its only jobs are to turn engine records into {@link RowChange}s, drop the bridge's own writes,
 * hand batches to the {@link BatchApplier} and acknowledge records to the engine after they committed.
 *
 * <p>Batching rule: the target transaction of a batch holds whole source transactions (up to a transaction's END
 * record); the changes of a transaction still being read wait for the next batch. So a parent and a child written in
 * one source transaction always commit together in the target. Only a source transaction larger than
 * {@code max(50,000, 10 x batch-size)} changes is applied in parts.
 *
 * <p>Acknowledgement rule: a record is acknowledged only where the target holds everything read before it: transaction
 * END records once the transaction committed in the target, snapshot records once applied, and heartbeats only between
 * transactions (a heartbeat carries the live offset, which inside a transaction points past changes still held). So
 * the engine resumes at a transaction boundary and replays whole transactions, which the applier's stored position
 * then filters exactly. The offset store checks the same rule again: it persists no offset past the last one declared
 * applied here ({@link AppliedOffsets}).
 *
 * <p>Past 300 lines on purpose: the transaction hold, the acknowledgement rule and the hand-off at the end of a
 * snapshot share the per-batch state of {@code handleBatch}; split apart, one crash-safety invariant would be spread
 * over several classes.
 */
public final class DebeziumPipeline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DebeziumPipeline.class);

    public enum State {
        STARTING,
        SNAPSHOTTING,
        STREAMING,
        RESTARTING,
        HALTED,
        STOPPED
    }

    private final PipelineConfig config;
    private final List<TableMapping> tables;
    private final PipelineMetrics metrics;
    private final HikariDataSource target;
    private final HikariDataSource source;
    private final BatchApplier applier;
    private final String topicPrefix;
    private final ExecutorService engineThread;
    private final ScheduledExecutorService scheduler;

    private volatile State state = State.STARTING;
    private volatile String haltReason;
    private volatile boolean closing;
    private volatile DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private ConnectChangeConverter converter;
    private Long echoTransaction;
    /** Changes of the source transaction still being read; applied once its END arrives, so a batch never splits one. */
    private final List<RowChange> openTransaction = new ArrayList<>();
    /** Between a streamed transaction's first record and its END: nothing read in between may be acknowledged. */
    private boolean inTransaction;

    private volatile int held;
    /** Has this capture run read a streamed record yet (the snapshot, if any, is then over)? */
    private boolean streaming;

    private final AppliedOffsets offsets = new AppliedOffsets();
    private int restartDelaySeconds = 1;

    public DebeziumPipeline(PipelineConfig config, List<TableMapping> tables, PipelineMetrics metrics) {
        this.config = config;
        this.tables = List.copyOf(tables);
        this.metrics = metrics;
        this.topicPrefix = "banyan_" + config.name().replace('-', '_');
        this.target = Databases.pool(config.name(), "target", config.target(), 3);
        this.source = Databases.pool(config.name(), "source", config.source(), 1);
        this.applier = new BatchApplier(config, target, tables, metrics);
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

    public State state() {
        return state;
    }

    public String haltReason() {
        return haltReason;
    }

    public PipelineMetrics metrics() {
        return metrics;
    }

    public void start() {
        SourcePreparation.prepare(config, tables);
        TargetOffsetStore.register(config.name(), target, offsets);
        for (TableMapping t : tables) {
            if (!t.unmappedSourceColumns().isEmpty()) {
                log.info(
                        "pipeline '{}': {} columns not carried (no target column): {}",
                        config.name(),
                        t,
                        t.unmappedSourceColumns());
            }
        }
        scheduler.scheduleWithFixedDelay(this::pollRetainedWal, 0, 5, TimeUnit.SECONDS);
        launchEngine();
    }

    private synchronized void launchEngine() {
        if (closing) {
            return;
        }
        converter = new ConnectChangeConverter();
        echoTransaction = null;
        openTransaction.clear();
        inTransaction = false;
        streaming = false;
        applier.newCaptureRun();
        held = 0;
        metrics.heldChanges(0);
        try {
            applier.reloadPosition();
        } catch (Exception e) {
            log.warn("pipeline '{}': cannot read the stored position yet: {}", config.name(), e.getMessage());
        }
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
        p.setProperty("offset.flush.interval.ms", "1000");
        p.setProperty("offset.flush.timeout.ms", "10000");
        p.setProperty("database.hostname", db.host());
        p.setProperty("database.port", String.valueOf(db.port()));
        p.setProperty("database.dbname", db.database());
        p.setProperty("database.user", config.source().user());
        p.setProperty("database.password", config.source().password());
        p.setProperty("topic.prefix", topicPrefix);
        p.setProperty("plugin.name", "pgoutput");
        p.setProperty("slot.name", config.slotName());
        p.setProperty("publication.name", config.publicationName());
        p.setProperty("publication.autocreate.mode", "disabled");
        p.setProperty(
                "table.include.list",
                tables.stream()
                        .map(t -> t.from().toString())
                        .collect(Collectors.collectingAndThen(Collectors.toList(), l -> {
                            List<String> all = new ArrayList<>(l);
                            all.add(BridgeTables.MARKER_TABLE);
                            all.add(BridgeTables.HEARTBEAT_TABLE);
                            return all.stream().map(n -> n.replace(".", "\\.")).collect(Collectors.joining(","));
                        })));
        p.setProperty(
                "snapshot.mode", config.snapshot() == PipelineConfig.SnapshotMode.INITIAL ? "initial" : "no_data");
        p.setProperty("provide.transaction.metadata", "true");
        p.setProperty(
                "heartbeat.interval.ms",
                String.valueOf(config.heartbeatInterval().toMillis()));
        p.setProperty("heartbeat.action.query", BridgeTables.heartbeatStatement(config.name()));
        p.setProperty("tombstones.on.delete", "false");
        // Debezium skips truncates by default; the applier carries or refuses them (truncate: apply | halt)
        p.setProperty("skipped.operations", "none");
        p.setProperty("decimal.handling.mode", "string");
        p.setProperty("interval.handling.mode", "string");
        // hstore as a Connect map, rendered as hstore text; bit columns carry their source type so bit(1) (a Connect
        // boolean) is written as 1/0, which both boolean and bit accept
        p.setProperty("hstore.handling.mode", "map");
        p.setProperty("datatype.propagate.source.type", "(?i).*bit");
        p.setProperty("binary.handling.mode", "bytes");
        p.setProperty("include.unknown.datatypes", "true");
        p.setProperty("max.batch.size", String.valueOf(config.batchSize()));
        p.setProperty("max.queue.size", String.valueOf(Math.max(8192, config.batchSize() * 4)));
        p.setProperty("poll.interval.ms", "50");
        p.setProperty("status.update.interval.ms", "1000");
        p.setProperty("slot.max.retries", "120");
        p.setProperty("slot.retry.delay.ms", "500");
        p.setProperty("snapshot.fetch.size", "10000");
        p.setProperty("errors.max.retries", "-1");
        // the URL's connection parameters (sslmode, sslrootcert, ...) reach the replication connection too
        db.parameters().forEach((name, value) -> p.setProperty("database." + name, value));
        config.debezium().forEach(p::setProperty);
        // a lost replication connection restarts the connector task inside the engine after this pause
        p.setProperty("retriable.restart.connector.wait.ms", "2000");
        return p;
    }

    private void handleBatch(
            List<RecordChangeEvent<SourceRecord>> records,
            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        List<RowChange> changes = new ArrayList<>(records.size());
        // records that sit at a point where the target holds everything before them, in stream order
        List<RecordChangeEvent<SourceRecord>> acknowledge = new ArrayList<>();
        int echoed = 0;
        boolean snapshotCompleted = false;
        boolean streamingStarted = false;
        for (RecordChangeEvent<SourceRecord> event : records) {
            SourceRecord record = event.record();
            String topic = record.topic();
            if (!streaming && !isSnapshotRecord(record)) {
                streaming = true;
                streamingStarted = true;
            }
            if (topic.startsWith("__debezium-heartbeat")) {
                // a heartbeat carries the live offset, which lies inside a transaction that is still being read
                if (!inTransaction) {
                    acknowledge.add(event);
                }
                if (state == State.STARTING) {
                    state = State.STREAMING;
                }
                continue;
            }
            if (!(record.value() instanceof Struct value)) {
                continue;
            }
            if (topic.equals(topicPrefix + ".transaction")) {
                if ("BEGIN".equals(value.getString("status"))) {
                    if (inTransaction) {
                        // the stream restarted inside a transaction (the engine resumed at its last boundary):
                        // what was held is sent again from the start, with the same positions
                        log.info(
                                "pipeline '{}': transaction resent from its start after a capture restart; "
                                        + "dropping {} held change(s)",
                                config.name(),
                                openTransaction.size());
                        openTransaction.clear();
                        echoTransaction = null;
                        converter = new ConnectChangeConverter();
                    }
                    inTransaction = true;
                } else if ("END".equals(value.getString("status"))) {
                    inTransaction = false;
                    echoTransaction = null;
                    changes.addAll(openTransaction);
                    openTransaction.clear();
                    acknowledge.add(event);
                }
                continue;
            }
            ConnectChangeConverter.Source origin = ConnectChangeConverter.source(value);
            RowChange change;
            try {
                change = converter.convert(value);
            } catch (IllegalArgumentException e) {
                throw halt("pipeline '" + config.name() + "' halted: a change cannot be converted: " + e.getMessage());
            }
            if (change == null) {
                continue;
            }
            if (change.isSnapshot()) {
                Struct src = value.getStruct("source");
                boolean last = "last".equals(String.valueOf(src.get("snapshot")));
                snapshotCompleted |= last;
                state = last ? State.STREAMING : State.SNAPSHOTTING;
            } else {
                inTransaction = true;
                if (state != State.STREAMING) {
                    state = State.STREAMING;
                }
            }
            if (change.sourceTable().equals(BridgeTables.MARKER_TABLE)) {
                if (!change.isSnapshot()) {
                    echoTransaction = origin.txId();
                }
            } else if (change.sourceTable().equals(BridgeTables.HEARTBEAT_TABLE)) {
                if (!change.isSnapshot()) {
                    metrics.heartbeat(change.commitMillis());
                }
            } else if (echoTransaction != null
                    && Objects.equals(echoTransaction, origin.txId())
                    && !change.isSnapshot()) {
                echoed++;
            } else if (change.isSnapshot()) {
                changes.add(change);
            } else {
                openTransaction.add(change);
            }
            if (change.isSnapshot() && !inTransaction) {
                acknowledge.add(event);
            }
        }
        if (openTransaction.size() >= maxOpenTransaction()) {
            // a very large source transaction is applied in parts to bound memory; it stays unacknowledged until its
            // END, so a restart replays it from its start and the stored position skips the parts already applied
            changes.addAll(openTransaction);
            openTransaction.clear();
        }
        held = openTransaction.size();
        metrics.heldChanges(held);
        if (echoed > 0) {
            metrics.echoSuppressed(echoed);
        }
        if (!changes.isEmpty()) {
            try {
                applier.apply(changes);
            } catch (PipelineHaltedException e) {
                throw halt(e.getMessage());
            }
        }
        if (snapshotCompleted || streamingStarted) {
            // before the engine is told the snapshot is over, so a crash in between snapshots (and reconciles) again
            try {
                if (snapshotCompleted) {
                    applier.snapshotCompleted();
                } else {
                    applier.streamingStarted();
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(
                        "pipeline '" + config.name() + "': finishing the snapshot failed: " + e.getMessage(), e);
            }
        }
        for (RecordChangeEvent<SourceRecord> event : acknowledge) {
            offsets.declareApplied(event.record().sourceOffset());
            committer.markProcessed(event);
        }
        committer.markBatchFinished();
        restartDelaySeconds = 1;
    }

    private static boolean isSnapshotRecord(SourceRecord record) {
        Object snapshot =
                record.sourceOffset() == null ? null : record.sourceOffset().get("snapshot");
        return snapshot != null && !"false".equalsIgnoreCase(String.valueOf(snapshot));
    }

    /** Changes of a source transaction received but not yet applied (for tests and the metric). */
    int heldChanges() {
        return held;
    }

    private int maxOpenTransaction() {
        return Math.max(50_000, config.batchSize() * 10);
    }

    private PipelineHaltedException halt(String reason) {
        haltReason = reason;
        state = State.HALTED;
        metrics.up(false);
        log.error(reason);
        return new PipelineHaltedException(reason);
    }

    private void engineStopped(boolean success, String message, Throwable error) {
        if (closing || state == State.HALTED) {
            if (state != State.HALTED) {
                state = State.STOPPED;
            }
            metrics.up(false);
            return;
        }
        metrics.engineError();
        metrics.up(false);
        state = State.RESTARTING;
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
            ps.setString(1, config.slotName());
            try (ResultSet rs = ps.executeQuery()) {
                metrics.retainedWalBytes(rs.next() ? rs.getLong(1) : 0);
            }
        } catch (Exception e) {
            log.debug("pipeline '{}': cannot read the slot's retained WAL: {}", config.name(), e.getMessage());
        }
    }

    @Override
    public void close() {
        closing = true;
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
        if (state != State.HALTED) {
            state = State.STOPPED;
        }
        metrics.up(false);
        TargetOffsetStore.unregister(config.name());
        target.close();
        source.close();
    }
}
