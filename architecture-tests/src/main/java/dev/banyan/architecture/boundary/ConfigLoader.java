package dev.banyan.architecture.boundary;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads and validates {@code boundaries.yml}. Every problem is reported as a {@link ConfigException} naming the file,
 * the field and the reason.
 */
public final class ConfigLoader {

    private static final Set<String> ROOT_FIELDS = Set.of("contexts", "rules");
    private static final Set<String> CONTEXT_FIELDS = Set.of("packages", "api", "may-use");
    private static final Set<String> RULE_FIELDS = Set.of("no-cycles", "ddd", "events-are-api");
    private static final Pattern CONTEXT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private ConfigLoader() {
    }

    public static BoundaryConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file, null, "file not found");
        }
        Object root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(new SafeConstructor(options)).load(reader);
        }
        catch (MarkedYAMLException ex) {
            Mark mark = ex.getProblemMark();
            String where = mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
            throw new ConfigException(file, null, "invalid YAML: " + where + ex.getProblem());
        }
        catch (YAMLException ex) {
            throw new ConfigException(file, null, "invalid YAML: " + ex.getMessage());
        }
        catch (IOException ex) {
            throw new ConfigException(file, null, "cannot be read: " + ex.getMessage());
        }
        return parse(file, root);
    }

    static BoundaryConfig parse(Path file, Object root) {
        if (root == null) {
            throw new ConfigException(file, "contexts", "is required (the file is empty)");
        }
        Map<String, Object> rootMap = mapping(file, "", root, "the document must be a mapping with 'contexts' and 'rules'");
        checkFields(file, "", rootMap, ROOT_FIELDS);
        Object contextsNode = rootMap.get("contexts");
        if (contextsNode == null) {
            throw new ConfigException(file, "contexts", "is required: define at least one context with its packages");
        }
        Map<String, Object> contextsMap = mapping(file, "contexts", contextsNode, "must be a mapping of context name to its definition");
        if (contextsMap.isEmpty()) {
            throw new ConfigException(file, "contexts", "must define at least one context");
        }
        List<ContextDefinition> contexts = new ArrayList<>();
        for (Map.Entry<String, Object> entry : contextsMap.entrySet()) {
            contexts.add(parseContext(file, entry.getKey(), entry.getValue()));
        }
        checkMayUse(file, contexts);
        checkOverlaps(file, contexts);

        boolean noCycles = true;
        boolean ddd = true;
        boolean eventsAreApi = true;
        Object rulesNode = rootMap.get("rules");
        if (rulesNode != null) {
            Map<String, Object> rules = mapping(file, "rules", rulesNode, "must be a mapping, e.g. { no-cycles: true, ddd: true }");
            checkFields(file, "rules", rules, RULE_FIELDS);
            noCycles = bool(file, "rules.no-cycles", rules.get("no-cycles"), true);
            ddd = bool(file, "rules.ddd", rules.get("ddd"), true);
            eventsAreApi = bool(file, "rules.events-are-api", rules.get("events-are-api"), true);
        }
        return new BoundaryConfig(file, contexts, noCycles, ddd, eventsAreApi);
    }

    private static ContextDefinition parseContext(Path file, String name, Object node) {
        String field = "contexts." + name;
        if (!CONTEXT_NAME.matcher(name).matches()) {
            throw new ConfigException(file, field, "'" + name + "' is not a valid context name (letters, digits, '.', '_' and '-')");
        }
        if (node == null) {
            throw new ConfigException(file, field + ".packages", "is required: list the packages of context '" + name + "'");
        }
        Map<String, Object> map = mapping(file, field, node, "must be a mapping with packages, api and may-use");
        checkFields(file, field, map, CONTEXT_FIELDS);
        List<String> packageTexts = strings(file, field + ".packages", map.get("packages"));
        if (packageTexts.isEmpty()) {
            throw new ConfigException(file, field + ".packages", "is required: list at least one package of context '" + name + "'");
        }
        List<PackagePattern> packages = patterns(file, field + ".packages", packageTexts);
        List<PackagePattern> api = patterns(file, field + ".api", strings(file, field + ".api", map.get("api")));
        for (int i = 0; i < api.size(); i++) {
            PackagePattern pattern = api.get(i);
            boolean inside = packages.stream().anyMatch(p -> p.matches(pattern.packageName()));
            if (!inside) {
                throw new ConfigException(file, field + ".api[" + i + "]",
                        "'" + pattern + "' is not inside the packages of context '" + name + "' " + packages);
            }
        }
        List<String> mayUse = strings(file, field + ".may-use", map.get("may-use"));
        return new ContextDefinition(name, packages, api, mayUse);
    }

    private static void checkMayUse(Path file, List<ContextDefinition> contexts) {
        List<String> names = contexts.stream().map(ContextDefinition::name).toList();
        for (ContextDefinition context : contexts) {
            for (int i = 0; i < context.mayUse().size(); i++) {
                String used = context.mayUse().get(i);
                String field = "contexts." + context.name() + ".may-use[" + i + "]";
                if (used.equals(context.name())) {
                    throw new ConfigException(file, field, "context '" + used + "' lists itself; a context may always use its own packages");
                }
                if (!names.contains(used)) {
                    throw new ConfigException(file, field, "unknown context '" + used + "' (known contexts: " + String.join(", ", names) + ")");
                }
            }
        }
    }

    private static void checkOverlaps(Path file, List<ContextDefinition> contexts) {
        for (int a = 0; a < contexts.size(); a++) {
            ContextDefinition first = contexts.get(a);
            for (int b = a + 1; b < contexts.size(); b++) {
                ContextDefinition second = contexts.get(b);
                for (int i = 0; i < second.packages().size(); i++) {
                    PackagePattern pattern = second.packages().get(i);
                    for (PackagePattern other : first.packages()) {
                        if (pattern.overlaps(other)) {
                            throw new ConfigException(file, "contexts." + second.name() + ".packages[" + i + "]",
                                    "package '" + pattern + "' is also in context '" + first.name() + "' ('" + other
                                            + "'); a package can belong to one context only");
                        }
                    }
                }
            }
            for (int i = 0; i < first.packages().size(); i++) {
                for (int j = i + 1; j < first.packages().size(); j++) {
                    if (first.packages().get(i).equals(first.packages().get(j))) {
                        throw new ConfigException(file, "contexts." + first.name() + ".packages[" + j + "]",
                                "package '" + first.packages().get(j) + "' is listed twice");
                    }
                }
            }
        }
    }

    private static List<PackagePattern> patterns(Path file, String field, List<String> texts) {
        List<PackagePattern> patterns = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            PackagePattern pattern = PackagePattern.parse(texts.get(i));
            if (pattern == null) {
                throw new ConfigException(file, field + "[" + i + "]", "'" + texts.get(i)
                        + "' is not a package pattern (write com.acme.catalog for one package, com.acme.catalog.. for it and its sub-packages)");
            }
            patterns.add(pattern);
        }
        return patterns;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapping(Path file, String field, Object node, String reason) {
        if (!(node instanceof Map<?, ?> map)) {
            throw new ConfigException(file, field, reason + " (found " + describe(node) + ")");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new ConfigException(file, field, "key " + entry.getKey() + " must be a string");
            }
            result.put(key, entry.getValue());
        }
        return (Map<String, Object>) (Map<?, ?>) result;
    }

    private static void checkFields(Path file, String field, Map<String, Object> map, Set<String> allowed) {
        for (String key : map.keySet()) {
            if (!allowed.contains(key)) {
                String prefix = field.isEmpty() ? "" : field + ".";
                throw new ConfigException(file, prefix + key, "unknown field (expected one of: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private static List<String> strings(Path file, String field, Object node) {
        if (node == null) {
            return List.of();
        }
        if (node instanceof String text) {
            return List.of(text);
        }
        if (!(node instanceof List<?> list)) {
            throw new ConfigException(file, field, "must be a list of strings (found " + describe(node) + ")");
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (!(item instanceof String text) || text.isBlank()) {
                throw new ConfigException(file, field + "[" + i + "]", "must be a non-empty string (found " + describe(item) + ")");
            }
            result.add(text.trim());
        }
        return result;
    }

    private static boolean bool(Path file, String field, Object node, boolean defaultValue) {
        if (node == null) {
            return defaultValue;
        }
        if (node instanceof Boolean value) {
            return value;
        }
        throw new ConfigException(file, field, "must be true or false (found " + describe(node) + ")");
    }

    private static String describe(Object node) {
        if (node == null) {
            return "nothing";
        }
        if (node instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (node instanceof List<?>) {
            return "a list";
        }
        if (node instanceof String text) {
            return "'" + text + "'";
        }
        return node.getClass().getSimpleName().toLowerCase() + " " + node;
    }
}
