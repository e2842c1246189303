package dev.banyan.cdc.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The whole configuration file: the table pipelines and the outbox pipelines it declares, and the retained WAL per replication slot above which the
 * bridge warns (log and health status {@code WARNING}).
 */
public record BridgeConfig(
        Path file, List<PipelineConfig> pipelines, List<OutboxPipelineConfig> outboxes, long retainedWalWarningBytes) {

    /** 1 GiB: beyond this a slot keeps more WAL than PostgreSQL's default {@code max_wal_size}. */
    public static final long DEFAULT_RETAINED_WAL_WARNING = 1L << 30;

    public BridgeConfig(Path file, List<PipelineConfig> pipelines) {
        this(file, pipelines, List.of(), DEFAULT_RETAINED_WAL_WARNING);
    }

    public BridgeConfig(Path file, List<PipelineConfig> pipelines, long retainedWalWarningBytes) {
        this(file, pipelines, List.of(), retainedWalWarningBytes);
    }

    /** A pipeline's replication slot on its source, whatever its kind. */
    public record SlotOwner(String pipeline, DatabaseEndpoint source, String slot) {}

    /** The slots of every pipeline, table and outbox, in file order of each kind. */
    public List<SlotOwner> slotOwners() {
        List<SlotOwner> owners = new java.util.ArrayList<>();
        pipelines.forEach(p -> owners.add(new SlotOwner(p.name(), p.source(), p.slotName())));
        outboxes.forEach(p -> owners.add(new SlotOwner(p.name(), p.source(), p.slot())));
        return owners;
    }
}
