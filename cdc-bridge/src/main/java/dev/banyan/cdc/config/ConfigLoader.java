package dev.banyan.cdc.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * <p>This class reads the file and its top level and hands each pipeline to the reader of its kind:
 * {@link TablePipelineReader} (with {@link TableReader} for its tables) or {@link OutboxReader}; the fields both kinds
 * share are read by {@link CommonFields}. How fields are read, placed and reported lives in {@link YamlContext},
 * {@link Marks} and {@link Durations}.
 */
public final class ConfigLoader {

    /** A placeholder that is a whole unquoted value, e.g. {@code password: ${DB_PASSWORD} }} in a flow mapping. */
    private static final Pattern BARE_PLACEHOLDER = Pattern.compile(
            "([:\\[,][ \\t]*)(\\$\\{[A-Za-z_][A-Za-z0-9_]*(?::-[^}\\s\"']*)?})(?=[ \\t]*(?:[,}\\]#]|$))",
            Pattern.MULTILINE);

    private static final Set<String> ROOT_FIELDS = Set.of("pipelines", "retained-wal-warning");
    private static final Pattern DATA_SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB|TB)");

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
            PipelineConfig pipeline =
                    kind == null ? null : position.attempt(() -> TablePipelineReader.pipeline(position, node));
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
}
