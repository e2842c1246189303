package dev.banyan.cdc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.banyan.cdc.apply.BridgeTables;
import dev.banyan.cdc.apply.ConnectionFailedException;
import dev.banyan.cdc.apply.Databases;
import dev.banyan.cdc.config.BridgeConfig;
import dev.banyan.cdc.config.ConfigException;
import dev.banyan.cdc.config.DatabaseEndpoint;
import dev.banyan.cdc.config.PipelineConfig;
import dev.banyan.cdc.engine.ReplicationSlots;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code cleanup}: drops what a pipeline leaves on its databases, so a halted or retired pipeline stops pinning WAL on
 * the source: its replication slot and publication, and its rows in the {@code banyan_cdc} tables of source and
 * target. Says what it will drop, then asks for the pipeline's name (or takes {@code --yes}); refuses while a walsender
 * reads the slot. {@code --slot} drops a bridge slot that no configured pipeline owns any more.
 */
@Command(
        name = "cleanup",
        mixinStandardHelpOptions = true,
        versionProvider = CdcBridgeCommand.Version.class,
        description = {
            "Drops a pipeline's slot, publication and bridge rows.",
            "With --slot, drops a bridge slot that no configured pipeline owns. Asks first, unless --yes.",
            "Exits 0 when done or nothing was left, 1 when not confirmed, 2 on an error or while the slot is in use."
        })
final class CleanupCommand implements Callable<Integer> {

    static final int NOT_CONFIRMED = 1;

    @ParentCommand
    CdcBridgeCommand parent;

    @Option(names = "--config", required = true, paramLabel = "<file>", description = "the pipelines YAML")
    Path config;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    static final class Which {
        @Option(names = "--pipeline", required = true, paramLabel = "<name>", description = "the pipeline to clean up")
        String pipeline;

        @Option(
                names = "--slot",
                required = true,
                paramLabel = "<slot>",
                description =
                        "a slot on a configured source that no configured pipeline owns (its pipeline was removed)")
        String slot;
    }

    @Option(names = "--yes", description = "do not ask for confirmation (for scripts)")
    boolean yes;

    /** One database's bridge rows of the pipeline: table to row count. */
    private record Rows(String side, DatabaseEndpoint endpoint, Map<String, Long> counts) {
        long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    @Override
    public Integer call() {
        BridgeConfig bridge = CdcBridgeCommand.load(config);
        return which.pipeline != null ? cleanPipeline(bridge, which.pipeline) : cleanOrphanSlot(bridge, which.slot);
    }

    private int cleanPipeline(BridgeConfig bridge, String name) {
        PipelineConfig pipeline = bridge.pipelines().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new ConfigException(bridge.file() + ": no pipeline named '" + name + "'"));
        PrintStream out = parent.out;
        try (Connection source = Databases.connect(name, "source", pipeline.source());
                Connection target = Databases.connect(name, "target", pipeline.target())) {
            Optional<ReplicationSlots.Slot> slot = ReplicationSlots.find(source, pipeline.slotName());
            if (slot.isPresent() && slot.get().active()) {
                return inUse(pipeline.slotName(), pipeline.source(), slot.get());
            }
            boolean publication = publicationExists(source, pipeline.publicationName());
            List<Rows> rows = List.of(
                    rows(source, "source", pipeline.source(), name), rows(target, "target", pipeline.target(), name));
            if (slot.isEmpty() && !publication && rows.stream().allMatch(r -> r.total() == 0)) {
                out.println("pipeline '" + name + "': nothing to clean up (no slot, publication or bridge rows)");
                return 0;
            }
            out.println("cleanup of pipeline '" + name + "' will drop:");
            slot.ifPresent(s -> out.println("  replication slot " + s.name() + " on "
                    + pipeline.source().url() + " (retains " + s.retainedWalBytes() + " bytes of WAL)"));
            if (publication) {
                out.println("  publication " + pipeline.publicationName() + " on "
                        + pipeline.source().url());
            }
            rows.stream()
                    .filter(r -> r.total() > 0)
                    .forEach(r -> out.println("  rows of '" + name + "' in " + BridgeTables.SCHEMA + " on "
                            + r.endpoint().url() + " (" + r.side() + "): " + r.counts()));
            out.println(
                    "A pipeline still in the configuration starts from scratch (a new slot and, with snapshot: initial, "
                            + "a new snapshot) the next time it runs.");
            if (!confirmed(name)) {
                return NOT_CONFIRMED;
            }
            if (slot.isPresent()) {
                dropSlot(source, pipeline.slotName(), pipeline.source());
                out.println("dropped replication slot " + pipeline.slotName());
            }
            if (publication) {
                try (Statement st = source.createStatement()) {
                    st.execute("drop publication if exists " + pipeline.publicationName());
                }
                out.println("dropped publication " + pipeline.publicationName());
            }
            deleteRows(source, name);
            deleteRows(target, name);
            out.println("deleted the rows of '" + name + "' in " + BridgeTables.SCHEMA + " on source and target");
            return 0;
        } catch (SQLException e) {
            throw new ConnectionFailedException("pipeline '" + name + "': cleanup failed: " + e.getMessage(), e);
        }
    }

    private int cleanOrphanSlot(BridgeConfig bridge, String slotName) {
        PrintStream out = parent.out;
        bridge.outboxes().stream()
                .filter(p -> p.slot().equals(slotName))
                .findFirst()
                .ifPresent(p -> {
                    throw new ConfigException(bridge.file() + ": slot '" + slotName + "' belongs to outbox pipeline '"
                            + p.name() + "'; remove the pipeline from the configuration first");
                });
        Map<String, List<PipelineConfig>> bySource = new LinkedHashMap<>();
        bridge.pipelines()
                .forEach(p -> bySource.computeIfAbsent(p.source().url(), u -> new ArrayList<>())
                        .add(p));
        for (List<PipelineConfig> pipelines : bySource.values()) {
            DatabaseEndpoint endpoint = pipelines.get(0).source();
            for (PipelineConfig p : pipelines) {
                if (p.slotName().equals(slotName)) {
                    throw new ConfigException(bridge.file() + ": slot '" + slotName + "' belongs to pipeline '"
                            + p.name() + "'; use cleanup --pipeline " + p.name());
                }
            }
            try (Connection source = Databases.connect(pipelines.get(0).name(), "source", endpoint)) {
                Optional<ReplicationSlots.Slot> slot = ReplicationSlots.find(source, slotName);
                if (slot.isEmpty()) {
                    continue;
                }
                if (slot.get().active()) {
                    return inUse(slotName, endpoint, slot.get());
                }
                boolean publication =
                        pipelines.stream().noneMatch(p -> p.publicationName().equals(slotName))
                                && publicationExists(source, slotName);
                out.println("cleanup will drop:");
                out.println("  replication slot " + slotName + " on " + endpoint.url()
                        + " (owned by no configured pipeline, retains "
                        + slot.get().retainedWalBytes() + " bytes of WAL)");
                if (publication) {
                    out.println("  publication " + slotName + " on " + endpoint.url());
                }
                if (!confirmed(slotName)) {
                    return NOT_CONFIRMED;
                }
                dropSlot(source, slotName, endpoint);
                out.println("dropped replication slot " + slotName);
                if (publication) {
                    try (Statement st = source.createStatement()) {
                        st.execute("drop publication if exists \"" + slotName.replace("\"", "\"\"") + "\"");
                    }
                    out.println("dropped publication " + slotName);
                }
                return 0;
            } catch (SQLException e) {
                throw new ConnectionFailedException(
                        "cleanup of slot '" + slotName + "' on " + endpoint.url() + " failed: " + e.getMessage(), e);
            }
        }
        throw new ConfigException(
                bridge.file() + ": no replication slot named '" + slotName + "' on any configured source");
    }

    private int inUse(String slot, DatabaseEndpoint endpoint, ReplicationSlots.Slot state) {
        parent.err.println("cdc-bridge: replication slot " + slot + " on " + endpoint.url()
                + " is in use (walsender pid " + state.activePid()
                + "): stop the bridge that reads it, then run cleanup again; nothing was dropped");
        return CdcBridgeApplication.CONFIG_ERROR;
    }

    private boolean confirmed(String expected) {
        if (yes) {
            return true;
        }
        parent.out.print("Type '" + expected + "' to drop these: ");
        parent.out.flush();
        String answer;
        try {
            answer = new BufferedReader(new InputStreamReader(parent.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !answer.strip().equals(expected)) {
            parent.out.println();
            parent.out.println("not confirmed: nothing was dropped");
            return false;
        }
        return true;
    }

    private static void dropSlot(Connection source, String slot, DatabaseEndpoint endpoint) throws SQLException {
        try {
            ReplicationSlots.drop(source, slot);
        } catch (SQLException e) {
            // the slot became active after the check: PostgreSQL refuses, which is what we want
            throw new ConnectionFailedException(
                    "replication slot " + slot + " on " + endpoint.url() + " could not be dropped: " + e.getMessage(),
                    e);
        }
    }

    private static boolean publicationExists(Connection source, String publication) throws SQLException {
        try (PreparedStatement ps = source.prepareStatement("select 1 from pg_publication where pubname = ?")) {
            ps.setString(1, publication);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Tables of the bridge schema keyed by pipeline ({@code pipeline} or, for the marker, {@code origin}). */
    private static Map<String, String> pipelineTables(Connection c) throws SQLException {
        Map<String, String> tables = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select table_name, column_name from information_schema.columns "
                + "where table_schema = ? and (column_name = 'pipeline' or (table_name = 'origin_marker' and column_name = 'origin')) "
                + "order by table_name")) {
            ps.setString(1, BridgeTables.SCHEMA);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.put(BridgeTables.SCHEMA + "." + rs.getString(1), rs.getString(2));
                }
            }
        }
        return tables;
    }

    private static Rows rows(Connection c, String side, DatabaseEndpoint endpoint, String pipeline)
            throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<String, String> t : pipelineTables(c).entrySet()) {
            try (PreparedStatement ps =
                    c.prepareStatement("select count(*) from " + t.getKey() + " where " + t.getValue() + " = ?")) {
                ps.setString(1, pipeline);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        counts.put(t.getKey(), rs.getLong(1));
                    }
                }
            }
        }
        return new Rows(side, endpoint, counts);
    }

    private static void deleteRows(Connection c, String pipeline) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (Map.Entry<String, String> t : pipelineTables(c).entrySet()) {
                try (PreparedStatement ps =
                        c.prepareStatement("delete from " + t.getKey() + " where " + t.getValue() + " = ?")) {
                    ps.setString(1, pipeline);
                    ps.executeUpdate();
                }
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
