package dev.banyan.architecture.boundary;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.banyan.architecture.boundary.YamlTree.Located;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads and validates {@code boundaries.yml}. Every problem of the file is reported at once, in one
 * {@link ConfigException}, each as {@code file:line field: reason}. Only a YAML syntax error stops the reading early,
 * since nothing after it can be trusted.
 */
public final class ConfigLoader {

    private static final Set<String> ROOT_FIELDS = Set.of("contexts", "rules");
    private static final Set<String> CONTEXT_FIELDS = Set.of("packages", "api", "may-use");
    private static final Set<String> RULE_FIELDS = Set.of("no-cycles", "ddd", "events-are-api");
    private static final Pattern CONTEXT_NAME = Pattern.compile("[A-Za-z0-9$][A-Za-z0-9._$-]*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$[1-9]");

    /** A context as read, with the places of its entries so that cross-context problems can name their lines. */
    private record ReadContext(
            String name,
            List<Located<PackagePattern>> packages,
            List<Located<String>> mayUse,
            ContextDefinition definition) {}

    private final YamlTree tree;
    private final Map<String, Integer> lines = new HashMap<>();

    private ConfigLoader(Path file) {
        this.tree = new YamlTree(file);
    }

    public static BoundaryConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file, 0, "", "file not found");
        }
        Node root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (MarkedYAMLException ex) {
            Mark mark = ex.getProblemMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            String column = mark == null ? "" : " (column " + (mark.getColumn() + 1) + ")";
            throw new ConfigException(file, line, "", "invalid YAML" + column + ": " + ex.getProblem());
        } catch (YAMLException ex) {
            throw new ConfigException(file, 0, "", "invalid YAML: " + ex.getMessage());
        } catch (IOException ex) {
            throw new ConfigException(file, 0, "", "cannot be read: " + ex.getMessage());
        }
        return new ConfigLoader(file).read(file, root);
    }

    private BoundaryConfig read(Path file, @Nullable Node root) {
        if (root == null || YamlTree.isNull(root)) {
            throw new ConfigException(file, 0, "contexts", "is required (the file is empty)");
        }
        List<ReadContext> contexts = new ArrayList<>();
        boolean noCycles = true;
        boolean ddd = true;
        boolean eventsAreApi = true;
        Map<String, NodeTuple> fields =
                tree.mapping("", root, "the document must be a mapping with 'contexts' and 'rules'");
        if (fields != null) {
            tree.checkFields("", fields, ROOT_FIELDS);
            contexts = contexts(fields.get("contexts"), YamlTree.line(root));
            checkMayUse(contexts);
            checkOverlaps(contexts);
            NodeTuple rulesEntry = fields.get("rules");
            Map<String, NodeTuple> rules = rulesEntry == null
                    ? Map.of()
                    : tree.mapping(
                            "rules",
                            rulesEntry.getValueNode(),
                            "must be a mapping, e.g. { no-cycles: true, ddd: true }");
            if (rules != null) {
                tree.checkFields("rules", rules, RULE_FIELDS);
                noCycles = tree.bool("rules.no-cycles", rules.get("no-cycles"), true);
                ddd = tree.bool("rules.ddd", rules.get("ddd"), true);
                eventsAreApi = tree.bool("rules.events-are-api", rules.get("events-are-api"), true);
            }
        }
        if (tree.hasProblems()) {
            throw new ConfigException(tree.problems());
        }
        return new BoundaryConfig(
                file, contexts.stream().map(ReadContext::definition).toList(), noCycles, ddd, eventsAreApi, lines);
    }

    private List<ReadContext> contexts(@Nullable NodeTuple entry, int rootLine) {
        if (entry == null) {
            tree.problem(rootLine, "contexts", "is required: define at least one context with its packages");
            return List.of();
        }
        Map<String, NodeTuple> byName =
                tree.mapping("contexts", entry.getValueNode(), "must be a mapping of context name to its definition");
        if (byName == null) {
            return List.of();
        }
        if (byName.isEmpty()) {
            tree.problem(YamlTree.line(entry.getValueNode()), "contexts", "must define at least one context");
        }
        List<ReadContext> contexts = new ArrayList<>();
        byName.forEach((name, tuple) -> {
            ReadContext context = context(name, tuple);
            if (context != null) {
                contexts.add(context);
            }
        });
        return contexts;
    }

    private @Nullable ReadContext context(String name, NodeTuple entry) {
        String field = "contexts." + name;
        int line = YamlTree.line(entry.getKeyNode());
        if (!CONTEXT_NAME.matcher(name).matches()) {
            tree.problem(
                    line,
                    field,
                    "'" + name + "' is not a valid context name (letters, digits, '.', '_', '-' and $1 ... $9)");
        }
        if (YamlTree.isNull(entry.getValueNode())) {
            tree.problem(line, field + ".packages", "is required: list the packages of context '" + name + "'");
            return null;
        }
        Map<String, NodeTuple> fields =
                tree.mapping(field, entry.getValueNode(), "must be a mapping with packages, api and may-use");
        if (fields == null) {
            return null;
        }
        tree.checkFields(field, fields, CONTEXT_FIELDS);
        List<Located<String>> packageTexts = tree.strings(field + ".packages", fields.get("packages"));
        if (packageTexts != null && packageTexts.isEmpty() && !hasBlankItems(fields.get("packages"))) {
            tree.problem(line, field + ".packages", "is required: list at least one package of context '" + name + "'");
        }
        List<Located<PackagePattern>> packages = patterns(field + ".packages", packageTexts);
        List<Located<PackagePattern>> api = patterns(field + ".api", tree.strings(field + ".api", fields.get("api")));
        checkCaptures(field, line, name, packages);
        for (Located<PackagePattern> pattern : api) {
            if (!packages.isEmpty()
                    && pattern.value().isPlain()
                    && packages.stream()
                            .noneMatch(p -> p.value().matches(pattern.value().packageName()))) {
                tree.problem(
                        pattern.line(),
                        field + ".api[" + pattern.index() + "]",
                        "'" + pattern.value() + "' is not inside the packages of context '" + name + "' "
                                + packages.stream().map(Located::value).toList());
            }
        }
        List<Located<String>> mayUse = tree.strings(field + ".may-use", fields.get("may-use"));
        mayUse = mayUse == null ? List.of() : mayUse;
        ContextDefinition definition = new ContextDefinition(
                name,
                packages.stream().map(Located::value).toList(),
                api.stream().map(Located::value).toList(),
                mayUse.stream().map(Located::value).toList());
        return new ReadContext(name, packages, mayUse, definition);
    }

    /** A context whose packages capture is named by its captures ($1 ...); one without captures has a plain name. */
    private void checkCaptures(String field, int line, String name, List<Located<PackagePattern>> packages) {
        boolean captures = packages.stream().anyMatch(pattern -> pattern.value().captures());
        boolean placeholders = PLACEHOLDER.matcher(name).find();
        if (captures && !placeholders) {
            tree.problem(
                    line,
                    field,
                    "its packages capture ('(*)', '(**)' or '(a|b)'), so its name must say where the captures go"
                            + " (e.g. '$1'), one context per captured package");
        } else if (!captures && placeholders) {
            tree.problem(line, field, "'" + name + "' uses $1 ... but none of its packages captures");
        }
        if (captures) {
            for (Located<PackagePattern> pattern : packages) {
                if (!pattern.value().captures()) {
                    tree.problem(
                            pattern.line(),
                            field + ".packages[" + pattern.index() + "]",
                            "'" + pattern.value() + "' captures nothing, so it names no context of '" + name
                                    + "'; in a context named by captures every package pattern captures");
                }
            }
        }
    }

    /** Whether a list is empty only because its items were blank (already reported item by item). */
    private static boolean hasBlankItems(@Nullable NodeTuple entry) {
        return entry != null
                && entry.getValueNode() instanceof SequenceNode sequence
                && !sequence.getValue().isEmpty();
    }

    private void checkMayUse(List<ReadContext> contexts) {
        List<String> names = contexts.stream().map(ReadContext::name).toList();
        List<Pattern> templates = names.stream()
                .filter(name -> PLACEHOLDER.matcher(name).find())
                .map(name -> Pattern.compile(Arrays.stream(PLACEHOLDER.split(name, -1))
                        .map(Pattern::quote)
                        .collect(Collectors.joining(".+"))))
                .toList();
        for (ReadContext context : contexts) {
            for (Located<String> used : context.mayUse()) {
                if (!names.contains(used.value())
                        && (PLACEHOLDER.matcher(used.value()).find()
                                || templates.stream()
                                        .anyMatch(t -> t.matcher(used.value()).matches()))) {
                    continue; // a context that captures will create, or one named by the user's own captures
                }
                String field = "contexts." + context.name() + ".may-use[" + used.index() + "]";
                if (used.value().equals(context.name())) {
                    tree.problem(
                            used.line(),
                            field,
                            "context '" + used.value() + "' lists itself; a context may always use its own packages");
                } else if (!names.contains(used.value())) {
                    tree.problem(
                            used.line(),
                            field,
                            "unknown context '" + used.value() + "' (known contexts: " + String.join(", ", names)
                                    + ")");
                }
            }
        }
    }

    private void checkOverlaps(List<ReadContext> contexts) {
        for (int a = 0; a < contexts.size(); a++) {
            ReadContext first = contexts.get(a);
            for (int b = a + 1; b < contexts.size(); b++) {
                ReadContext second = contexts.get(b);
                for (Located<PackagePattern> pattern : second.packages()) {
                    first.packages().stream()
                            .map(Located::value)
                            .filter(other -> pattern.value().overlaps(other))
                            .findFirst()
                            .ifPresent(other -> tree.problem(
                                    pattern.line(),
                                    "contexts." + second.name() + ".packages[" + pattern.index() + "]",
                                    "package '" + pattern.value() + "' is also in context '" + first.name() + "' ('"
                                            + other + "'); a package can belong to one context only"));
                }
            }
            for (int i = 0; i < first.packages().size(); i++) {
                for (int j = i + 1; j < first.packages().size(); j++) {
                    Located<PackagePattern> twice = first.packages().get(j);
                    if (first.packages().get(i).value().equals(twice.value())) {
                        tree.problem(
                                twice.line(),
                                "contexts." + first.name() + ".packages[" + twice.index() + "]",
                                "package '" + twice.value() + "' is listed twice");
                    }
                }
            }
        }
    }

    private List<Located<PackagePattern>> patterns(String field, @Nullable List<Located<String>> texts) {
        if (texts == null) {
            return List.of();
        }
        List<Located<PackagePattern>> patterns = new ArrayList<>();
        for (Located<String> text : texts) {
            PackagePattern pattern;
            try {
                pattern = PackagePattern.of(text.value());
            } catch (IllegalArgumentException ex) {
                tree.problem(
                        text.line(),
                        field + "[" + text.index() + "]",
                        "'" + text.value() + "' is not a package pattern: " + ex.getMessage()
                                + " (write com.acme.catalog for one package, com.acme.catalog.. for it and its"
                                + " sub-packages, ArchUnit's syntax for more)");
                continue;
            }
            lines.put(field + "[" + patterns.size() + "]", text.line());
            patterns.add(new Located<>(pattern, text.index(), text.line()));
        }
        return patterns;
    }
}
