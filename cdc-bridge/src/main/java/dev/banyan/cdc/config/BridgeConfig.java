package dev.banyan.cdc.config;

import java.nio.file.Path;
import java.util.List;

/** The whole configuration file: the pipelines it declares. */
public record BridgeConfig(Path file, List<PipelineConfig> pipelines) {
}
