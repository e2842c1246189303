package dev.banyan.cdc.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.banyan.cdc.config.PipelineConfig.ConflictPolicy;
import dev.banyan.cdc.config.PipelineConfig.Conflicts;
import dev.banyan.cdc.config.PipelineConfig.MissingRowPolicy;
import dev.banyan.cdc.config.PipelineConfig.RejectPolicy;
import dev.banyan.cdc.config.PipelineConfig.Retry;
import dev.banyan.cdc.config.PipelineConfig.SnapshotMode;
import dev.banyan.cdc.config.PipelineConfig.TruncatePolicy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads and validates the pipelines YAML. Every problem in the file is reported at once, one line each, in one
 * {@link ConfigException}: {@code <file>:<line>: pipeline '<name>': <field>: <reason>} (the line of the field, taken
 * from SnakeYAML's node marks). {@code ${NAME}} and {@code ${NAME:-default}} in values are replaced from the
 * environment, so secrets stay out of the file. Durations follow Spring Boot's {@code DurationStyle} ({@code 500ms},
 * {@code 2s}, {@code 1h}, {@code PT30S}; a bare number is milliseconds), booleans are {@code true} or {@code false}.
 *
 * <p>Past 300 lines on purpose: one reader per section of the file (pipeline, endpoint, retry, conflicts, tables,
 * debezium), each stating that section's rules where the section is read; how fields are read, placed and reported
 * lives in {@link YamlContext}, {@link Marks} and {@link Durations}.
 */
public final class ConfigLoader {

    /** A placeholder that is a whole unquoted value, e.g. {@code password: ${DB_PASSWORD} }} in a flow mapping. */
    private static final Pattern BARE_PLACEHOLDER = Pattern.compile(
            "([:\\[,][ \\t]*)(\\$\\{[A-Za-z_][A-Za-z0-9_]*(?::-[^}\\s\"']*)?})(?=[ \\t]*(?:[,}\\]#]|$))",
            Pattern.MULTILINE);

    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,40}");
    static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private static final Set<String> ROOT_FIELDS = Set.of("pipelines", "retained-wal-warning");
    private static final Pattern DATA_SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB|TB)");
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
    private static final Set<String> ENDPOINT_FIELDS = Set.of("url", "user", "password");
    private static final Set<String> RETRY_FIELDS = Set.of("attempts", "backoff", "max-backoff");
    private static final Set<String> CONFLICT_FIELDS = Set.of("policy", "wins-ties");

    private final Function<String, String> environment;

    public ConfigLoader() {
        this(System::getenv);
    }

    public ConfigLoader(Function<String, String> environment) {
        this.environment = environment;
    }

    public BridgeConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": file does not exist");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage());
        }
        return parse(file, text);
    }

    public BridgeConfig parse(Path file, String yamlText) {
        Object root;
        Marks marks;
        // ${NAME} written as a bare value would read as a YAML flow mapping; quote it so it stays a string
        String quoted = BARE_PLACEHOLDER.matcher(yamlText).replaceAll("$1\"$2\"");
        try (Reader reader = new StringReader(quoted)) {
            Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
            marks = Marks.of(yaml.compose(reader));
            root = yaml.load(quoted);
        } catch (MarkedYAMLException e) {
            throw new ConfigException(
                    file + ": not valid YAML at line " + (e.getProblemMark().getLine() + 1) + ", column "
                            + (e.getProblemMark().getColumn() + 1) + ": " + e.getProblem());
        } catch (YAMLException | IOException e) {
            throw new ConfigException(file + ": not valid YAML: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        YamlContext ctx = new YamlContext(file.toString(), null, "", marks, problems, environment);
        if (root == null) {
            throw ctx.error("pipelines", "is missing; the file declares no pipelines");
        }
        Map<String, Object> map = ctx.map(root, "(top level)");
        ctx.rejectUnknown(map, ROOT_FIELDS, "");
        List<Object> list = ctx.attempt(() -> ctx.list(map.get("pipelines"), "pipelines"));
        if (list != null && list.isEmpty()) {
            problems.add(
                    ctx.error("pipelines", "must declare at least one pipeline").getMessage());
        }
        List<PipelineConfig> pipelines = new ArrayList<>();
        List<OutboxPipelineConfig> outboxes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> slots = new HashSet<>();
        for (int i = 0; list != null && i < list.size(); i++) {
            YamlContext position = new YamlContext(
                    file.toString(), "pipelines[" + i + "]", "pipelines[" + i + "].", marks, problems, environment);
            Object node = list.get(i);
            PipelineKind kind = node instanceof Map<?, ?>
                    ? position.attempt(() ->
                            position.enumValue(position.map(node, ""), "kind", PipelineKind.class, PipelineKind.TABLES))
                    : PipelineKind.TABLES;
            if (kind == PipelineKind.OUTBOX) {
                OutboxPipelineConfig outbox = position.attempt(() -> OutboxReader.pipeline(position, node));
                if (outbox != null) {
                    unique(position.named(outbox.name()), names, slots, outbox.source(), outbox.slot());
                    outboxes.add(outbox);
                }
                continue;
            }
            PipelineConfig pipeline = kind == null ? null : position.attempt(() -> pipeline(position, node));
            if (pipeline == null) {
                continue;
            }
            unique(position.named(pipeline.name()), names, slots, pipeline.source(), pipeline.slotName());
            pipelines.add(pipeline);
        }
        Long retainedWalWarning = ctx.attempt(() -> retainedWalWarning(ctx, map.get("retained-wal-warning")));
        if (!problems.isEmpty()) {
            throw new ConfigException(String.join("\n", problems));
        }
        return new BridgeConfig(file, List.copyOf(pipelines), List.copyOf(outboxes), retainedWalWarning);
    }

    /** What a pipeline does: map tables into a target database, or publish an outbox table to Kafka. */
    enum PipelineKind {
        TABLES,
        OUTBOX
    }

    /** Pipeline names are unique in the file, and a slot belongs to one pipeline per source. */
    private static void unique(
            YamlContext named, Set<String> names, Set<String> slots, DatabaseEndpoint source, String slot) {
        if (!names.add(named.pipeline)) {
            named.problems.add(
                    named.error("name", "is used by more than one pipeline").getMessage());
        } else if (!slots.add(source.url() + "#" + slot)) {
            named.problems.add(
                    named.error("slot", "'" + slot + "' is already used by another pipeline on the same source")
                            .getMessage());
        }
    }

    /** One pipeline, or {@code null} when any of its fields has a problem (each one recorded). */
    private PipelineConfig pipeline(YamlContext position, Object node) {
        Map<String, Object> map = position.map(node, "");
        int before = position.problems.size();
        String name = position.attempt(() -> name(position, map));
        YamlContext ctx = name == null ? position : position.named(name);
        ctx.rejectUnknown(map, PIPELINE_FIELDS, "");
        DatabaseEndpoint source = endpoint(ctx, map.get("source"), "source");
        DatabaseEndpoint target = endpoint(ctx, map.get("target"), "target");
        String defaultName = "banyan_" + (name == null ? "pipeline" : name.replace('-', '_'));
        String slot = ctx.attempt(() -> identifier(
                ctx,
                ctx.optionalString(map, "slot", defaultName),
                "slot",
                "must be lower-case letters, digits and '_' (a PostgreSQL replication slot name)"));
        String publication = ctx.attempt(() -> identifier(
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
        Map<String, String> debezium = debezium(ctx, map.get("debezium"));
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

    static String name(YamlContext position, Map<String, Object> map) {
        String text = position.requiredString(map, "name");
        if (!NAME.matcher(text).matches()) {
            throw position.error(
                    "name",
                    "'" + text
                            + "' must be lower-case letters, digits and '-', starting with a letter (at most 41 characters)");
        }
        return text;
    }

    static String identifier(YamlContext ctx, String value, String field, String rule) {
        if (!IDENTIFIER.matcher(value).matches()) {
            throw ctx.error(field, "'" + value + "' " + rule);
        }
        return value;
    }

    /** The endpoint, or {@code null} when it has a problem (recorded). */
    static DatabaseEndpoint endpoint(YamlContext ctx, Object node, String field) {
        if (node == null) {
            ctx.problems.add(
                    ctx.error(field, "is missing (url, user, password)").getMessage());
            return null;
        }
        return ctx.attempt(() -> endpointFields(ctx, node, field));
    }

    private static DatabaseEndpoint endpointFields(YamlContext ctx, Object node, String field) {
        Map<String, Object> map = ctx.map(node, field);
        int before = ctx.problems.size();
        ctx.rejectUnknown(map, ENDPOINT_FIELDS, field + ".");
        String url = ctx.attempt(() -> {
            String text = ctx.requiredString(map, field + ".url", "url");
            try {
                DatabaseEndpoint.JdbcTarget.parse(text);
            } catch (IllegalArgumentException e) {
                throw ctx.error(field + ".url", "'" + text + "' " + e.getMessage());
            }
            return text;
        });
        String user = ctx.attempt(() -> ctx.requiredString(map, field + ".user", "user"));
        String password = ctx.attempt(() -> ctx.optionalString(map, field + ".password", "password", ""));
        return ctx.problems.size() > before ? null : new DatabaseEndpoint(url, user, password);
    }

    /** A size like {@code 512MB} or {@code 2GB} (1 KB = 1024 bytes, as PostgreSQL and Spring count). */
    private static long retainedWalWarning(YamlContext ctx, Object node) {
        if (node == null) {
            return BridgeConfig.DEFAULT_RETAINED_WAL_WARNING;
        }
        Matcher m = DATA_SIZE.matcher(String.valueOf(node).trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw ctx.error("retained-wal-warning", "must be a size like 512MB or 2GB, was '" + node + "'");
        }
        int shift = switch (m.group(2)) {
            case "B" -> 0;
            case "KB" -> 10;
            case "MB" -> 20;
            case "GB" -> 30;
            default -> 40;
        };
        long amount = m.group(1).length() > 15 ? -1 : Long.parseLong(m.group(1));
        if (amount <= 0 || amount > (Long.MAX_VALUE >> shift)) {
            throw ctx.error(
                    "retained-wal-warning", "must be more than 0 bytes and at most 1000000TB, was '" + node + "'");
        }
        return amount << shift;
    }

    static Map<String, String> debezium(YamlContext ctx, Object node) {
        if (node == null) {
            return Map.of();
        }
        Map<String, Object> entries = ctx.attempt(() -> ctx.map(node, "debezium"));
        if (entries == null) {
            return null;
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : entries.entrySet()) {
            String field = "debezium." + e.getKey();
            String value = ctx.attempt(() -> {
                ConnectorProperties.whyOwned(e.getKey()).ifPresent(reason -> {
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
        return Map.copyOf(properties);
    }

    private Retry retry(YamlContext ctx, Object node) {
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

    private Conflicts conflicts(YamlContext ctx, Object node) {
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
