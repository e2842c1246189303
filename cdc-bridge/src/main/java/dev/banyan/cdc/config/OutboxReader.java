package dev.banyan.cdc.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.banyan.cdc.config.OutboxPipelineConfig.Backoff;
import dev.banyan.cdc.config.OutboxPipelineConfig.Kafka;
import dev.banyan.cdc.config.OutboxPipelineConfig.Prune;
import dev.banyan.cdc.config.PipelineConfig.SnapshotMode;
import dev.banyan.cdc.config.TableConfig.QualifiedName;

/**
 * Reads a pipeline of {@code kind: outbox}. Same rules and messages as a table pipeline; its own fields are the outbox
 * table, the Kafka cluster, the topic naming and the pruning.
 */
final class OutboxReader {

    private static final Set<String> FIELDS = Set.of(
            "name",
            "kind",
            "source",
            "outbox",
            "kafka",
            "topic",
            "dead-letter-topic",
            "slot",
            "publication",
            "snapshot",
            "batch-size",
            "heartbeat-interval",
            "retry",
            "prune",
            "debezium");
    private static final Set<String> KAFKA_FIELDS = Set.of("bootstrap-servers", "properties");
    private static final Set<String> RETRY_FIELDS = Set.of("backoff", "max-backoff");
    private static final Set<String> PRUNE_FIELDS = Set.of("enabled", "batch-size");
    /** Kafka's legal topic characters. */
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    private OutboxReader() {}

    /** The pipeline, or {@code null} when any of its fields has a problem (each one recorded). */
    static OutboxPipelineConfig pipeline(YamlContext position, Object node) {
        Map<String, Object> map = position.map(node, "");
        int before = position.problems.size();
        String name = position.attempt(() -> ConfigLoader.name(position, map));
        YamlContext ctx = name == null ? position : position.named(name);
        ctx.rejectUnknown(map, FIELDS, "");
        DatabaseEndpoint source = ConfigLoader.endpoint(ctx, map.get("source"), "source");
        QualifiedName table = ctx.attempt(() -> TableReader.qualified(
                ctx, "outbox", ctx.requiredString(map, "outbox").replace("\"", "")));
        String defaultName = "banyan_" + (name == null ? "pipeline" : name.replace('-', '_'));
        String slot = ctx.attempt(() -> ConfigLoader.identifier(
                ctx,
                ctx.optionalString(map, "slot", defaultName),
                "slot",
                "must be lower-case letters, digits and '_' (a PostgreSQL replication slot name)"));
        String publication = ctx.attempt(() -> ConfigLoader.identifier(
                ctx,
                ctx.optionalString(map, "publication", defaultName),
                "publication",
                "must be lower-case letters, digits and '_'"));
        SnapshotMode snapshot =
                ctx.attempt(() -> ctx.enumValue(map, "snapshot", SnapshotMode.class, SnapshotMode.INITIAL));
        Integer batchSize = ctx.attempt(() -> ctx.integer(map, "batch-size", 2048, 1, 100_000));
        Duration heartbeat = ctx.attempt(() -> {
            Duration interval = ctx.duration(map, "heartbeat-interval", Duration.ofSeconds(10));
            if (interval.toMillis() < 100) {
                throw ctx.error("heartbeat-interval", "must be at least 100ms");
            }
            return interval;
        });
        Kafka kafka = kafka(ctx, map.get("kafka"));
        String topic = ctx.attempt(() -> topic(ctx, map.get("topic")));
        String deadLetterTopic = ctx.attempt(() -> {
            String text = ctx.optionalString(map, "dead-letter-topic", "banyan.outbox.dlt");
            if (!TOPIC.matcher(text).matches()) {
                throw ctx.error(
                        "dead-letter-topic", "'" + text + "' is not a Kafka topic name (letters, digits, . _ -)");
            }
            return text;
        });
        Backoff retry = retry(ctx, map.get("retry"));
        Prune prune = prune(ctx, map.get("prune"));
        Map<String, String> debezium = ConfigLoader.debezium(ctx, map.get("debezium"));
        if (ctx.problems.size() > before) {
            return null;
        }
        return new OutboxPipelineConfig(
                name,
                source,
                table,
                slot,
                publication,
                snapshot,
                batchSize,
                heartbeat,
                kafka,
                topic,
                deadLetterTopic,
                retry,
                prune,
                debezium);
    }

    /** Read as written: {@code ${routedByValue}} is the router's placeholder, not an environment variable. */
    private static String topic(YamlContext ctx, Object node) {
        if (node == null) {
            return OutboxPipelineConfig.DEFAULT_TOPIC;
        }
        String text = String.valueOf(node);
        if (!text.contains(OutboxPipelineConfig.ROUTED_BY_VALUE)) {
            throw ctx.error("topic", "'" + text + "' must contain ${routedByValue} (the row's aggregatetype)");
        }
        if (!TOPIC.matcher(text.replace(OutboxPipelineConfig.ROUTED_BY_VALUE, "x"))
                .matches()) {
            throw ctx.error("topic", "'" + text + "' is not a Kafka topic name (letters, digits, . _ -)");
        }
        return text;
    }

    private static Kafka kafka(YamlContext ctx, Object node) {
        if (node == null) {
            ctx.problems.add(
                    ctx.error("kafka", "is missing (bootstrap-servers)").getMessage());
            return null;
        }
        Map<String, Object> map = ctx.attempt(() -> ctx.map(node, "kafka"));
        if (map == null) {
            return null;
        }
        int before = ctx.problems.size();
        ctx.rejectUnknown(map, KAFKA_FIELDS, "kafka.");
        String servers = ctx.attempt(() -> {
            String text = ctx.requiredString(map, "kafka.bootstrap-servers", "bootstrap-servers");
            for (String server : text.split(",")) {
                if (!server.trim().matches("[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5}")) {
                    throw ctx.error(
                            "kafka.bootstrap-servers",
                            "'" + server.trim() + "' must be host:port (several separated by commas)");
                }
            }
            return text;
        });
        Map<String, String> properties = new LinkedHashMap<>();
        Object propertiesNode = map.get("properties");
        Map<String, Object> entries =
                propertiesNode == null ? Map.of() : ctx.attempt(() -> ctx.map(propertiesNode, "kafka.properties"));
        for (Map.Entry<String, Object> e :
                entries == null ? Map.<String, Object>of().entrySet() : entries.entrySet()) {
            String field = "kafka.properties." + e.getKey();
            String value = ctx.attempt(() -> {
                ownedProducerProperty(e.getKey()).ifPresent(reason -> {
                    throw ctx.error(field, reason);
                });
                if (e.getValue() == null) {
                    throw ctx.error(field, "has no value");
                }
                return ctx.optionalString(Map.of(e.getKey(), e.getValue()), field, e.getKey(), "");
            });
            if (value != null) {
                properties.put(e.getKey(), value);
            }
        }
        return ctx.problems.size() > before ? null : new Kafka(servers, Map.copyOf(properties));
    }

    /** Why a producer property cannot be set, when the bridge owns it: the delivery guarantee rests on them. */
    static Optional<String> ownedProducerProperty(String key) {
        return switch (key) {
            case "acks", "enable.idempotence" ->
                Optional.of("is set by the bridge (acks=all, enable.idempotence=true): publication is acknowledged"
                        + " by every in-sync replica before the outbox rows are pruned");
            case "key.serializer", "value.serializer" ->
                Optional.of("is set by the bridge: keys and values are UTF-8 text");
            case "bootstrap.servers" -> Optional.of("is set by kafka.bootstrap-servers");
            case "transactional.id" -> Optional.of("cannot be set: the bridge publishes without Kafka transactions");
            default -> Optional.empty();
        };
    }

    private static Backoff retry(YamlContext ctx, Object node) {
        Duration defaultInitial = Duration.ofMillis(500);
        Duration defaultMax = Duration.ofSeconds(30);
        if (node == null) {
            return new Backoff(defaultInitial, defaultMax);
        }
        Map<String, Object> map = ctx.attempt(() -> ctx.map(node, "retry"));
        if (map == null) {
            return null;
        }
        ctx.rejectUnknown(map, RETRY_FIELDS, "retry.");
        Duration initial = ctx.attempt(() -> {
            Duration d = ctx.duration(map, "retry.backoff", "backoff", defaultInitial);
            if (d.toMillis() < 10) {
                throw ctx.error("retry.backoff", "must be at least 10ms");
            }
            return d;
        });
        Duration max = ctx.attempt(() -> ctx.duration(map, "retry.max-backoff", "max-backoff", defaultMax));
        if (initial != null && max != null && max.compareTo(initial) < 0) {
            ctx.problems.add(ctx.error("retry.max-backoff", "must not be shorter than retry.backoff")
                    .getMessage());
            return null;
        }
        return initial == null || max == null ? null : new Backoff(initial, max);
    }

    private static Prune prune(YamlContext ctx, Object node) {
        if (node == null) {
            return new Prune(true, 1000);
        }
        Map<String, Object> map = ctx.attempt(() -> ctx.map(node, "prune"));
        if (map == null) {
            return null;
        }
        ctx.rejectUnknown(map, PRUNE_FIELDS, "prune.");
        Boolean enabled = ctx.attempt(() -> ctx.bool(map, "prune.enabled", "enabled", true));
        Integer batchSize = ctx.attempt(() -> ctx.integer(map, "prune.batch-size", "batch-size", 1000, 1, 100_000));
        return enabled == null || batchSize == null ? null : new Prune(enabled, batchSize);
    }
}
