package dev.banyan.cdc.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.banyan.cdc.config.PipelineConfig.ConflictPolicy;
import dev.banyan.cdc.config.PipelineConfig.Conflicts;
import dev.banyan.cdc.config.PipelineConfig.MissingRowPolicy;
import dev.banyan.cdc.config.PipelineConfig.RejectPolicy;
import dev.banyan.cdc.config.PipelineConfig.Retry;
import dev.banyan.cdc.config.PipelineConfig.SnapshotMode;
import dev.banyan.cdc.config.PipelineConfig.TruncatePolicy;

/**
 * Reads a table pipeline (the default kind): source and target databases, the engine and apply settings, retry,
 * conflicts and the mapped tables ({@link TableReader}).
 */
final class TablePipelineReader {

    private static final Set<String> PIPELINE_FIELDS = Set.of(
            "name",
            "source",
            "target",
            "slot",
            "publication",
            "snapshot",
            "batch-size",
            "heartbeat-interval",
            "on-reject",
            "retry",
            "conflicts",
            "tables",
            "kind",
            "truncate",
            "missing-row",
            "debezium");
    private static final Set<String> RETRY_FIELDS = Set.of("attempts", "backoff", "max-backoff");
    private static final Set<String> CONFLICT_FIELDS = Set.of("policy", "wins-ties");

    private TablePipelineReader() {}

    /** One pipeline, or {@code null} when any of its fields has a problem (each one recorded). */
    static PipelineConfig pipeline(YamlContext position, Object node) {
        Map<String, Object> map = position.map(node, "");
        int before = position.problems.size();
        String name = position.attempt(() -> CommonFields.name(position, map));
        YamlContext ctx = name == null ? position : position.named(name);
        ctx.rejectUnknown(map, PIPELINE_FIELDS, "");
        DatabaseEndpoint source = CommonFields.endpoint(ctx, map.get("source"), "source");
        DatabaseEndpoint target = CommonFields.endpoint(ctx, map.get("target"), "target");
        String defaultName = "banyan_" + (name == null ? "pipeline" : name.replace('-', '_'));
        String slot = ctx.attempt(() -> CommonFields.identifier(
                ctx,
                ctx.optionalString(map, "slot", defaultName),
                "slot",
                "must be lower-case letters, digits and '_' (a PostgreSQL replication slot name)"));
        String publication = ctx.attempt(() -> CommonFields.identifier(
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
        RejectPolicy onReject =
                ctx.attempt(() -> ctx.enumValue(map, "on-reject", RejectPolicy.class, RejectPolicy.HALT));
        Retry retry = retry(ctx, map.get("retry"));
        Conflicts conflicts = conflicts(ctx, map.get("conflicts"));
        List<TableConfig> tables = TableReader.tables(ctx, map.get("tables"));
        if (source != null) {
            for (String parameter : source.parsed().parameters().keySet()) {
                if (ConnectorProperties.whyOwned("database." + parameter).isPresent()) {
                    ctx.problems.add(ctx.error("source.url", "parameter '" + parameter + "' cannot be set in the URL")
                            .getMessage());
                }
            }
        }
        TruncatePolicy truncate =
                ctx.attempt(() -> ctx.enumValue(map, "truncate", TruncatePolicy.class, TruncatePolicy.APPLY));
        MissingRowPolicy missingRow =
                ctx.attempt(() -> ctx.enumValue(map, "missing-row", MissingRowPolicy.class, MissingRowPolicy.UPSERT));
        Map<String, String> debezium = CommonFields.debezium(ctx, map.get("debezium"));
        if (ctx.problems.size() > before) {
            return null;
        }
        return new PipelineConfig(
                name,
                source,
                target,
                slot,
                publication,
                snapshot,
                batchSize,
                heartbeat,
                onReject,
                retry,
                conflicts,
                tables,
                truncate,
                missingRow,
                debezium);
    }

    private static Retry retry(YamlContext ctx, Object node) {
        if (node == null) {
            return new Retry(3, Duration.ofMillis(200), Duration.ofSeconds(5));
        }
        Map<String, Object> map = ctx.attempt(() -> ctx.map(node, "retry"));
        if (map == null) {
            return null;
        }
        ctx.rejectUnknown(map, RETRY_FIELDS, "retry.");
        Integer attempts = ctx.attempt(() -> ctx.integer(map, "retry.attempts", "attempts", 3, 1, 100));
        Duration backoff = ctx.attempt(() -> ctx.duration(map, "retry.backoff", "backoff", Duration.ofMillis(200)));
        Duration max = ctx.attempt(() -> ctx.duration(map, "retry.max-backoff", "max-backoff", Duration.ofSeconds(5)));
        if (backoff != null && max != null && max.compareTo(backoff) < 0) {
            ctx.problems.add(ctx.error("retry.max-backoff", "must not be shorter than retry.backoff")
                    .getMessage());
            return null;
        }
        return attempts == null || backoff == null || max == null ? null : new Retry(attempts, backoff, max);
    }

    private static Conflicts conflicts(YamlContext ctx, Object node) {
        if (node == null) {
            return new Conflicts(ConflictPolicy.SOURCE_WINS, true);
        }
        Map<String, Object> map = ctx.attempt(() -> ctx.map(node, "conflicts"));
        if (map == null) {
            return null;
        }
        ctx.rejectUnknown(map, CONFLICT_FIELDS, "conflicts.");
        ConflictPolicy policy = ctx.attempt(() ->
                ctx.enumValue(map, "conflicts.policy", "policy", ConflictPolicy.class, ConflictPolicy.SOURCE_WINS));
        Boolean winsTies = ctx.attempt(() -> ctx.bool(map, "conflicts.wins-ties", "wins-ties", true));
        return policy == null || winsTies == null ? null : new Conflicts(policy, winsTies);
    }
}
