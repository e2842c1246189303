package dev.banyan.cdc.ops;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.banyan.cdc.apply.Databases;
import dev.banyan.cdc.config.BridgeConfig;
import dev.banyan.cdc.config.DatabaseEndpoint;
import dev.banyan.cdc.engine.ReplicationSlots;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Watches the replication slots on every configured source: the slots the pipelines own and any slot named like the
 * bridge's ({@code banyan_*}) that no configured pipeline owns (a pipeline removed from the YAML keeps its slot, and
 * the slot keeps WAL without limit). A slot that retains more WAL than {@code retained-wal-warning}, and every
 * orphaned slot, is logged once as a warning and turns the {@code slots} health component to {@code WARNING}.
 * Orphans' retained WAL is the gauge {@code banyan_cdc_orphan_slot_retained_wal_bytes{slot,database}}.
 */
public final class SlotMonitor implements AutoCloseable {

    /** Above UP, below DOWN: the bridge works, but the source's disk is at risk. */
    public static final Status WARNING = new Status("WARNING");

    private static final Logger log = LoggerFactory.getLogger(SlotMonitor.class);

    /** One slot as last seen; {@code pipeline} is null for an orphan. */
    public record Observed(
            String database,
            String slot,
            String pipeline,
            boolean active,
            long retainedWalBytes,
            String walStatus,
            String warning) {}

    private final BridgeConfig config;
    private final MultiGauge orphans;
    private final Set<String> warned = new HashSet<>();
    private final ScheduledExecutorService scheduler;
    private volatile List<Observed> observed = List.of();

    public SlotMonitor(BridgeConfig config, MeterRegistry registry) {
        this.config = config;
        this.orphans = MultiGauge.builder("banyan.cdc.orphan.slot.retained.wal.bytes")
                .description("WAL kept by a slot named like the bridge's that no configured pipeline owns")
                .register(registry);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cdc-slot-monitor");
            t.setDaemon(true);
            return t;
        });
    }

    /** Polls now and then every {@code period}. */
    public SlotMonitor start(long period, TimeUnit unit) {
        scheduler.scheduleWithFixedDelay(this::pollQuietly, 0, period, unit);
        return this;
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.debug("cannot read replication slots: {}", e.getMessage());
        }
    }

    /** Reads the slots of every configured source once. */
    public synchronized void poll() {
        Map<String, List<BridgeConfig.SlotOwner>> bySource = new LinkedHashMap<>();
        for (BridgeConfig.SlotOwner p : config.slotOwners()) {
            bySource.computeIfAbsent(p.source().url(), url -> new ArrayList<>()).add(p);
        }
        List<Observed> seen = new ArrayList<>();
        for (List<BridgeConfig.SlotOwner> pipelines : bySource.values()) {
            DatabaseEndpoint source = pipelines.get(0).source();
            Map<String, String> owners = new LinkedHashMap<>();
            pipelines.forEach(p -> owners.put(p.slot(), p.pipeline()));
            try (Connection c = Databases.connect(pipelines.get(0).pipeline(), "source", source)) {
                for (ReplicationSlots.Slot slot : ReplicationSlots.list(c)) {
                    String owner = owners.get(slot.name());
                    if (owner == null && !slot.name().startsWith(ReplicationSlots.BRIDGE_PREFIX)) {
                        continue;
                    }
                    seen.add(observe(source.url(), slot, owner));
                }
            } catch (Exception e) {
                log.debug("cannot read replication slots on {}: {}", source.url(), e.getMessage());
            }
        }
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (Observed o : seen) {
            if (o.pipeline() == null) {
                rows.add(MultiGauge.Row.of(Tags.of("slot", o.slot(), "database", o.database()), o.retainedWalBytes()));
            }
        }
        orphans.register(rows, true);
        Set<String> nowWarned = new HashSet<>();
        for (Observed o : seen) {
            if (o.warning() != null) {
                String key = o.database() + "#" + o.slot();
                nowWarned.add(key);
                if (!warned.contains(key)) {
                    log.warn(o.warning());
                }
            }
        }
        for (String key : warned) {
            if (!nowWarned.contains(key)) {
                log.info(
                        "replication slot {} is back below the retained-WAL warning threshold (or gone)",
                        key.replace('#', ' '));
            }
        }
        warned.clear();
        warned.addAll(nowWarned);
        observed = List.copyOf(seen);
    }

    private Observed observe(String database, ReplicationSlots.Slot slot, String pipeline) {
        String warning = null;
        String retained = size(slot.retainedWalBytes());
        if (pipeline == null) {
            warning = "replication slot '" + slot.name() + "' on " + database
                    + " is owned by no configured pipeline and retains "
                    + retained + " of WAL" + (slot.active() ? " (a walsender reads it: another bridge?)" : "")
                    + "; if its pipeline was removed, drop it with: cdc-bridge cleanup --config " + config.file()
                    + " --slot " + slot.name();
        } else if (slot.retainedWalBytes() > config.retainedWalWarningBytes()) {
            warning = "replication slot '" + slot.name() + "' of pipeline '" + pipeline + "' retains " + retained
                    + " of WAL on "
                    + database + ", above the " + size(config.retainedWalWarningBytes()) + " warning threshold"
                    + (slot.active()
                            ? "; the pipeline is behind"
                            : "; nothing reads it: a halted or stopped pipeline keeps WAL "
                                    + "until it runs again, or until cdc-bridge cleanup --pipeline " + pipeline
                                    + " drops its slot");
        }
        return new Observed(
                database, slot.name(), pipeline, slot.active(), slot.retainedWalBytes(), slot.walStatus(), warning);
    }

    public List<Observed> observed() {
        return observed;
    }

    public Health health() {
        List<Observed> current = observed;
        List<Map<String, Object>> slots = new ArrayList<>();
        boolean warning = false;
        for (Observed o : current) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("slot", o.slot());
            d.put("database", o.database());
            d.put("pipeline", o.pipeline() == null ? "(none: orphaned)" : o.pipeline());
            d.put("active", o.active());
            d.put("retainedWalBytes", o.retainedWalBytes());
            d.put("walStatus", o.walStatus());
            if (o.warning() != null) {
                d.put("warning", o.warning());
                warning = true;
            }
            slots.add(d);
        }
        return Health.status(warning ? WARNING : Status.UP)
                .withDetail("retainedWalWarningBytes", config.retainedWalWarningBytes())
                .withDetail("slots", slots)
                .build();
    }

    static String size(long bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
