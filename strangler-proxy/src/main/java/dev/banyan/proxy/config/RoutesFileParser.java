package dev.banyan.proxy.config;

import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a routes file and checks every field. Problems are collected by a {@link NodeReader}, not thrown one by one,
 * so a single run names all of them with their line and field; only YAML that cannot be read at all stops at its
 * first error. Routes with problems are left out of the cross-route check ({@link RouteOverlaps}), which runs once
 * every route is valid.
 *
 * <p>Longer than most classes here on purpose: it is the one place that states every rule of the routes file, field
 * by field, in the order of the file. The YAML mechanics and the value rules (durations, booleans, percents) are in
 * {@link NodeReader}, the cross-route rule in {@link RouteOverlaps}, the event routes in {@link EventRoutesReader}.
 */
public final class RoutesFileParser {

    private static final Set<String> TOP_KEYS = Set.of("legacy", "services", "routes", "event-routes");

    private static final Set<String> BACKEND_KEYS = Set.of("uri", "timeout", "connect-timeout");

    private static final Set<String> ROUTE_KEYS = Set.of(
            "id",
            "service",
            "paths",
            "methods",
            "stage",
            "percent",
            "sticky-by",
            "fallback-to-legacy",
            "shadow",
            "order");

    private static final Set<String> SHADOW_KEYS =
            Set.of("ignore", "sample-percent", "allow-unsafe", "compare-headers");

    private static final Set<String> HTTP_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final NodeReader nodes = new NodeReader();

    private RoutesFileParser() {}

    /**
     * Parses and validates a routes file's text.
     * @throws InvalidRoutesFileException naming every problem found
     */
    public static RoutesConfig parse(Path file, String text) {
        RoutesFileParser parser = new RoutesFileParser();
        RoutesConfig config = parser.read(file, text);
        if (parser.nodes.problemCount() > 0) {
            throw new InvalidRoutesFileException(file, parser.nodes.problems());
        }
        return config;
    }

    /** Parses the text into a YAML node tree (used by the admin write-back to locate fields). */
    public static Node compose(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(1024 * 1024);
        return new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
    }

    private @Nullable RoutesConfig read(Path file, String text) {
        Node root;
        try {
            root = compose(text);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            nodes.problem(line, "(yaml)", "invalid YAML: " + e.getProblem());
            return null;
        } catch (YAMLException e) {
            nodes.problem(0, "(yaml)", "invalid YAML: " + e.getMessage());
            return null;
        }
        if (root == null) {
            nodes.problem(1, "(file)", "the file is empty; it needs 'legacy', 'services' and 'routes'");
            return null;
        }
        Map<String, NodeTuple> top = nodes.mapping(root, "(root)", TOP_KEYS);
        if (top == null) {
            return null;
        }
        BackendTarget legacy = null;
        NodeTuple legacyNode = top.get("legacy");
        if (legacyNode == null) {
            nodes.problem(NodeReader.line(root), "legacy", "is required (legacy: {uri: http://host:port})");
        } else {
            legacy = backend(BackendTarget.LEGACY, legacyNode.getValueNode(), "legacy", null);
        }
        Map<String, BackendTarget> services = new LinkedHashMap<>();
        Set<String> declared = new LinkedHashSet<>();
        NodeTuple servicesNode = top.get("services");
        if (servicesNode != null && !NodeReader.isNull(servicesNode.getValueNode())) {
            Map<String, NodeTuple> entries = nodes.mapping(servicesNode.getValueNode(), "services", null);
            if (entries != null) {
                declared.addAll(entries.keySet());
                entries.forEach((name, tuple) -> {
                    String field = "services." + name;
                    if (!ID.matcher(name).matches() || name.equals(BackendTarget.LEGACY)) {
                        nodes.problem(
                                NodeReader.line(tuple.getKeyNode()),
                                field,
                                "service name must be letters, digits, '.', '_' or '-' and not 'legacy'");
                        return;
                    }
                    BackendTarget target = backend(name, tuple.getValueNode(), field, Duration.ofSeconds(10));
                    if (target != null) {
                        services.put(name, target);
                    }
                });
            }
        }
        List<RouteSpec> routes = new ArrayList<>();
        NodeTuple routesNode = top.get("routes");
        if (routesNode != null && !NodeReader.isNull(routesNode.getValueNode())) {
            if (!(routesNode.getValueNode() instanceof SequenceNode seq)) {
                nodes.problem(NodeReader.line(routesNode.getValueNode()), "routes", "must be a list of routes");
            } else {
                Map<String, Integer> ids = new HashMap<>();
                for (int i = 0; i < seq.getValue().size(); i++) {
                    RouteSpec route = route(seq.getValue().get(i), "routes[" + i + "]", declared);
                    if (route == null) {
                        continue;
                    }
                    Integer previous = ids.putIfAbsent(route.id(), route.line());
                    if (previous != null) {
                        nodes.problem(
                                route.line(),
                                "routes[" + i + "].id",
                                "duplicate id '" + route.id() + "' (first used on line " + previous + ")");
                        continue;
                    }
                    routes.add(route);
                }
            }
        }
        List<EventRouteSpec> eventRoutes = new EventRoutesReader(nodes).read(top.get("event-routes"));
        if (nodes.problemCount() > 0) {
            return null;
        }
        RoutesConfig config = new RoutesConfig(file, legacy, services, routes, eventRoutes);
        RouteOverlaps.problems(routes).forEach(nodes::problem);
        return config;
    }

    private @Nullable BackendTarget backend(String name, Node node, String field, Duration defaultTimeout) {
        Map<String, NodeTuple> fields = nodes.mapping(node, field, BACKEND_KEYS);
        if (fields == null) {
            return null;
        }
        URI uri = null;
        NodeTuple uriNode = fields.get("uri");
        if (uriNode == null) {
            nodes.problem(NodeReader.line(node), field + ".uri", "is required");
        } else {
            uri = uri(
                    nodes.scalar(uriNode.getValueNode(), field + ".uri"),
                    NodeReader.line(uriNode.getValueNode()),
                    field + ".uri");
        }
        Duration timeout = nodes.duration(fields.get("timeout"), field + ".timeout", defaultTimeout);
        Duration connect =
                nodes.duration(fields.get("connect-timeout"), field + ".connect-timeout", DEFAULT_CONNECT_TIMEOUT);
        return uri == null ? null : new BackendTarget(name, uri, timeout, connect);
    }

    private @Nullable URI uri(String text, int line, String field) {
        if (text == null) {
            return null;
        }
        String reason = null;
        URI uri = null;
        try {
            uri = new URI(text.trim());
            if (uri.getScheme() == null
                    || !(uri.getScheme().equalsIgnoreCase("http")
                            || uri.getScheme().equalsIgnoreCase("https"))) {
                reason = "scheme must be http or https";
            } else if (uri.getHost() == null) {
                reason = "host is missing";
            } else if (uri.getRawUserInfo() != null) {
                reason = "user info is not allowed";
            } else if (uri.getRawPath() != null
                    && !uri.getRawPath().isEmpty()
                    && !uri.getRawPath().equals("/")) {
                reason = "must not have a path; the request path is forwarded unchanged";
            } else if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                reason = "must not have a query or fragment";
            }
        } catch (URISyntaxException e) {
            reason = e.getReason() + " at index " + e.getIndex();
        }
        if (reason != null) {
            nodes.problem(line, field, "bad URI '" + text + "': " + reason);
            return null;
        }
        return URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority());
    }

    private @Nullable RouteSpec route(Node node, String field, Set<String> services) {
        Map<String, NodeTuple> f = nodes.mapping(node, field, ROUTE_KEYS);
        if (f == null) {
            return null;
        }
        int before = nodes.problemCount();
        int line = NodeReader.line(node);

        String id = nodes.requiredScalar(f, "id", field, node);
        if (id != null && !ID.matcher(id).matches()) {
            nodes.problem(
                    NodeReader.lineOf(f, "id", node),
                    field + ".id",
                    "'" + id + "' is not a valid id (letters, digits, '.', '_', '-'; at most 100)");
        }

        Stage stage = null;
        String stageText = nodes.requiredScalar(f, "stage", field, node);
        if (stageText != null) {
            stage = Stage.parse(stageText).orElse(null);
            if (stage == null) {
                nodes.problem(
                        NodeReader.lineOf(f, "stage", node),
                        field + ".stage",
                        "unknown stage '" + stageText + "' (expected one of " + Stage.names() + ")");
            }
        }

        String service =
                f.containsKey("service") ? nodes.scalar(f.get("service").getValueNode(), field + ".service") : null;
        if (service != null && !services.contains(service)) {
            nodes.problem(
                    NodeReader.lineOf(f, "service", node),
                    field + ".service",
                    "unknown service '" + service
                            + "'"
                            + (!services.isEmpty()
                                    ? " (declared: " + String.join(", ", services) + ")"
                                    : " (no services are declared)"));
        }
        if (service == null && stage != null && stage != Stage.LEGACY) {
            nodes.problem(line, field + ".service", "is required for stage " + stage);
        }

        List<String> paths = new ArrayList<>();
        NodeTuple pathsNode = f.get("paths");
        if (pathsNode == null) {
            nodes.problem(line, field + ".paths", "is required (a list of path patterns)");
        } else {
            List<ScalarNode> items = nodes.stringList(pathsNode.getValueNode(), field + ".paths");
            if (items != null && items.isEmpty()) {
                nodes.problem(NodeReader.line(pathsNode.getValueNode()), field + ".paths", "must not be empty");
            }
            if (items != null) {
                for (int i = 0; i < items.size(); i++) {
                    String path = items.get(i).getValue();
                    String reason = pathProblem(path);
                    if (reason != null) {
                        nodes.problem(
                                NodeReader.line(items.get(i)),
                                field + ".paths[" + i + "]",
                                "bad path pattern '" + path + "': " + reason);
                    } else {
                        paths.add(path);
                    }
                }
            }
        }

        Set<String> methods = new LinkedHashSet<>();
        if (f.containsKey("methods")) {
            List<ScalarNode> items = nodes.stringList(f.get("methods").getValueNode(), field + ".methods");
            if (items != null) {
                for (int i = 0; i < items.size(); i++) {
                    String m = items.get(i).getValue().trim().toUpperCase(Locale.ROOT);
                    if (!HTTP_METHODS.contains(m)) {
                        nodes.problem(
                                NodeReader.line(items.get(i)),
                                field + ".methods[" + i + "]",
                                "unknown HTTP method '" + items.get(i).getValue() + "'");
                    }
                    methods.add(m);
                }
            }
        }

        Double percent = null;
        if (f.containsKey("percent")) {
            percent = nodes.percent(f.get("percent").getValueNode(), field + ".percent");
        } else if (stage == Stage.CANARY) {
            nodes.problem(line, field + ".percent", "is required for stage CANARY (0 to 100)");
        }

        StickyKey sticky = null;
        if (f.containsKey("sticky-by")) {
            String text = nodes.scalar(f.get("sticky-by").getValueNode(), field + ".sticky-by");
            if (text != null) {
                sticky = StickyKey.parse(text).orElse(null);
                if (sticky == null) {
                    nodes.problem(
                            NodeReader.lineOf(f, "sticky-by", node),
                            field + ".sticky-by",
                            "'" + text + "' must be header:NAME, cookie:NAME or query:NAME");
                }
            }
        }

        boolean fallback = f.containsKey("fallback-to-legacy")
                && nodes.bool(f.get("fallback-to-legacy").getValueNode(), field + ".fallback-to-legacy");

        Integer order =
                f.containsKey("order") ? nodes.wholeNumber(f.get("order").getValueNode(), field + ".order") : null;

        ShadowSpec shadow = ShadowSpec.DEFAULT;
        if (f.containsKey("shadow") && !NodeReader.isNull(f.get("shadow").getValueNode())) {
            shadow = shadow(f.get("shadow").getValueNode(), field + ".shadow");
        }

        if (nodes.problemCount() > before) {
            return null;
        }
        return new RouteSpec(id, service, paths, methods, stage, percent, sticky, fallback, shadow, order, line);
    }

    private ShadowSpec shadow(Node node, String field) {
        Map<String, NodeTuple> f = nodes.mapping(node, field, SHADOW_KEYS);
        if (f == null) {
            return ShadowSpec.DEFAULT;
        }
        List<JsonPathPattern> ignore = new ArrayList<>();
        if (f.containsKey("ignore")) {
            List<ScalarNode> items = nodes.stringList(f.get("ignore").getValueNode(), field + ".ignore");
            if (items != null) {
                for (int i = 0; i < items.size(); i++) {
                    try {
                        ignore.add(JsonPathPattern.parse(items.get(i).getValue().trim()));
                    } catch (IllegalArgumentException e) {
                        nodes.problem(NodeReader.line(items.get(i)), field + ".ignore[" + i + "]", e.getMessage());
                    }
                }
            }
        }
        int sample = 100;
        if (f.containsKey("sample-percent")) {
            Double p = nodes.percent(f.get("sample-percent").getValueNode(), field + ".sample-percent");
            sample = p == null ? 100 : (int) Math.round(p);
        }
        boolean unsafe = f.containsKey("allow-unsafe")
                && nodes.bool(f.get("allow-unsafe").getValueNode(), field + ".allow-unsafe");
        List<String> headers = new ArrayList<>();
        if (f.containsKey("compare-headers")) {
            List<ScalarNode> items =
                    nodes.stringList(f.get("compare-headers").getValueNode(), field + ".compare-headers");
            if (items != null) {
                items.forEach(n -> headers.add(n.getValue().trim()));
            }
        }
        return new ShadowSpec(ignore, sample, unsafe, headers);
    }

    static @Nullable String pathProblem(String path) {
        if (path == null || !path.startsWith("/")) {
            return "must start with '/'";
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return "'.' and '..' segments are not allowed";
            }
        }
        if (path.contains("//")) {
            return "empty segments ('//') are not allowed";
        }
        try {
            PathPatternParser.defaultInstance.parse(path);
            return null;
        } catch (PatternParseException e) {
            return e.getMessage();
        }
    }
}
