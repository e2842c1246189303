package dev.banyan.cdc.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The whole configuration file: the pipelines it declares, and the retained WAL per replication slot above which the
 * bridge warns (log and health status {@code WARNING}).
 */
public record BridgeConfig(Path file, List<PipelineConfig> pipelines, long retainedWalWarningBytes) {

    /** 1 GiB: beyond this a slot keeps more WAL than PostgreSQL's default {@code max_wal_size}. */
    public static final long DEFAULT_RETAINED_WAL_WARNING = 1L << 30;

    public BridgeConfig(Path file, List<PipelineConfig> pipelines) {
        this(file, pipelines, DEFAULT_RETAINED_WAL_WARNING);
    }
}
