package dev.banyan.cdc.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.banyan.cdc.apply.PipelineSetup;
import dev.banyan.cdc.apply.TableMapping;
import dev.banyan.cdc.config.BridgeConfig;
import dev.banyan.cdc.config.OutboxPipelineConfig;
import dev.banyan.cdc.config.PipelineConfig;
import dev.banyan.cdc.metrics.OutboxMetrics;
import dev.banyan.cdc.metrics.PipelineMetrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** All pipelines of one configuration file, table and outbox pipelines, running side by side. */
public final class Bridge implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Bridge.class);

    private final List<DebeziumPipeline> pipelines;
    private final List<OutboxPipeline> outboxes;

    private Bridge(List<DebeziumPipeline> pipelines, List<OutboxPipeline> outboxes) {
        this.pipelines = List.copyOf(pipelines);
        this.outboxes = List.copyOf(outboxes);
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
        List<OutboxPipeline> startedOutboxes = new ArrayList<>();
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
            for (OutboxPipelineConfig o : config.outboxes()) {
                OutboxPipeline outbox =
                        new OutboxPipeline(config.file().toString(), o, new OutboxMetrics(registry, o.name()));
                startedOutboxes.add(outbox);
                outbox.start();
                log.info(
                        "outbox pipeline '{}' started: {} table {} -> Kafka {} topic {}, slot {}, publication {}",
                        o.name(),
                        o.source(),
                        o.table(),
                        o.kafka().bootstrapServers(),
                        o.topic(),
                        o.slot(),
                        o.publication());
            }
        } catch (RuntimeException e) {
            started.forEach(DebeziumPipeline::close);
            startedOutboxes.forEach(OutboxPipeline::close);
            throw e;
        }
        return new Bridge(started, startedOutboxes);
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

    public List<OutboxPipeline> outboxes() {
        return outboxes;
    }

    public OutboxPipeline outbox(String name) {
        return outboxes.stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no outbox pipeline named '" + name + "'"));
    }

    @Override
    public void close() {
        for (DebeziumPipeline pipeline : pipelines) {
            pipeline.close();
        }
        for (OutboxPipeline outbox : outboxes) {
            outbox.close();
        }
    }
}
