package dev.banyan.cdc.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.banyan.cdc.apply.PipelineSetup;
import dev.banyan.cdc.apply.TableMapping;
import dev.banyan.cdc.config.BridgeConfig;
import dev.banyan.cdc.config.PipelineConfig;
import dev.banyan.cdc.metrics.PipelineMetrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** All pipelines of one configuration file, running side by side. */
public final class Bridge implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Bridge.class);

    private final List<DebeziumPipeline> pipelines;

    private Bridge(List<DebeziumPipeline> pipelines) {
        this.pipelines = List.copyOf(pipelines);
    }

    /**
     * Checks every pipeline against its databases first (so a bad mapping fails before anything starts), then
     * starts them all.
     */
    public static Bridge start(BridgeConfig config, MeterRegistry registry) {
        Map<PipelineConfig, List<TableMapping>> resolved = new LinkedHashMap<>();
        for (PipelineConfig pipeline : config.pipelines()) {
            resolved.put(pipeline, PipelineSetup.resolve(config.file().toString(), pipeline));
        }
        resolved.forEach((pipeline, tables) ->
                SourcePreparation.checkNewTablesBackfilled(config.file().toString(), pipeline, tables));
        List<DebeziumPipeline> started = new ArrayList<>();
        try {
            for (Map.Entry<PipelineConfig, List<TableMapping>> e : resolved.entrySet()) {
                PipelineConfig p = e.getKey();
                DebeziumPipeline pipeline =
                        new DebeziumPipeline(p, e.getValue(), new PipelineMetrics(registry, p.name()));
                started.add(pipeline);
                pipeline.start();
                log.info(
                        "pipeline '{}' started: {} -> {}, slot {}, publication {}, {} table(s)",
                        p.name(),
                        p.source(),
                        p.target(),
                        p.slotName(),
                        p.publicationName(),
                        p.tables().size());
            }
        } catch (RuntimeException e) {
            started.forEach(DebeziumPipeline::close);
            throw e;
        }
        return new Bridge(started);
    }

    public List<DebeziumPipeline> pipelines() {
        return pipelines;
    }

    public DebeziumPipeline pipeline(String name) {
        return pipelines.stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no pipeline named '" + name + "'"));
    }

    @Override
    public void close() {
        for (DebeziumPipeline pipeline : pipelines) {
            pipeline.close();
        }
    }
}
