package dev.banyan.cdc.ops;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.banyan.cdc.config.BridgeConfig;
import dev.banyan.cdc.config.ConfigException;
import dev.banyan.cdc.config.ConfigLoader;
import dev.banyan.cdc.engine.Bridge;
import dev.banyan.cdc.engine.DebeziumPipeline;
import dev.banyan.cdc.engine.OutboxPipeline;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the bridge into Spring Boot: the pipelines as a bean, their state as health, their meters in the registry. */
@Configuration(proxyBeanMethods = false)
public class BridgeRuntime {

    private static final Logger log = LoggerFactory.getLogger(BridgeRuntime.class);

    @Bean(destroyMethod = "close")
    Bridge bridge(
            @Value("${banyan.cdc.config:}") String configFile,
            @Value("${server.port:8090}") String port,
            MeterRegistry registry) {
        if (configFile.isBlank()) {
            throw new ConfigException("banyan.cdc.config: no configuration file given (use run --config <file>)");
        }
        BridgeConfig config = new ConfigLoader().load(Path.of(configFile));
        Bridge bridge = Bridge.start(config, registry);
        StringBuilder line =
                new StringBuilder("cdc-bridge up: metrics and health on port " + port + ", config " + configFile);
        config.pipelines()
                .forEach(p -> line.append("; ")
                        .append(p.name())
                        .append(": ")
                        .append(p.source().url())
                        .append(" -> ")
                        .append(p.target().url()));
        config.outboxes()
                .forEach(p -> line.append("; ")
                        .append(p.name())
                        .append(": ")
                        .append(p.source().url())
                        .append(" ")
                        .append(p.table())
                        .append(" -> kafka ")
                        .append(p.kafka().bootstrapServers()));
        log.info(line.toString());
        return bridge;
    }

    @Bean(destroyMethod = "close")
    SlotMonitor slotMonitor(Bridge bridge, @Value("${banyan.cdc.config:}") String configFile, MeterRegistry registry) {
        return new SlotMonitor(new ConfigLoader().load(Path.of(configFile)), registry).start(10, TimeUnit.SECONDS);
    }

    @Bean
    HealthIndicator slots(SlotMonitor monitor) {
        return monitor::health;
    }

    @Bean
    HealthIndicator pipelines(Bridge bridge) {
        return () -> {
            boolean allUp = true;
            Map<String, Object> details = new LinkedHashMap<>();
            for (DebeziumPipeline p : bridge.pipelines()) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("state", p.state().name());
                d.put("lagMs", p.metrics().lagMillis());
                d.put("rowsPerSecond", p.metrics().rowsPerSecond());
                d.put("retainedWalBytes", p.metrics().retainedWalBytes());
                if (p.haltReason() != null) {
                    d.put("haltReason", p.haltReason());
                }
                details.put(p.name(), d);
                allUp &= p.state() != DebeziumPipeline.State.HALTED && p.state() != DebeziumPipeline.State.STOPPED;
            }
            boolean waiting = false;
            for (OutboxPipeline p : bridge.outboxes()) {
                Map<String, Object> d = new LinkedHashMap<>();
                String brokerError = p.brokerError();
                d.put(
                        "state",
                        brokerError != null ? "WAITING_FOR_KAFKA" : p.state().name());
                d.put("lagMs", p.metrics().lagMillis());
                d.put("published", (long) p.metrics().publishedCount());
                d.put("deadLettered", (long) p.metrics().deadLetteredCount());
                d.put("brokerErrors", (long) p.metrics().brokerErrorCount());
                d.put("retainedWalBytes", p.metrics().retainedWalBytes());
                if (brokerError != null) {
                    d.put("brokerError", brokerError);
                }
                if (p.haltReason() != null) {
                    d.put("haltReason", p.haltReason());
                }
                details.put(p.name(), d);
                allUp &= p.state() != DebeziumPipeline.State.HALTED && p.state() != DebeziumPipeline.State.STOPPED;
                waiting |= brokerError != null;
            }
            // Kafka away: publication waits and loses nothing, the bridge itself works (200, like a slot warning)
            Health.Builder health = !allUp ? Health.down() : waiting ? Health.status(SlotMonitor.WARNING) : Health.up();
            return health.withDetails(details).build();
        };
    }
}
