package dev.banyan.proxy.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads the {@code event-routes} list of a routes file, reporting problems to the parser's {@link NodeReader}. */
final class EventRoutesReader {

    private static final Set<String> KEYS = Set.of("id", "switch", "stage");

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final NodeReader nodes;

    EventRoutesReader(NodeReader nodes) {
        this.nodes = nodes;
    }

    List<EventRouteSpec> read(@Nullable NodeTuple tuple) {
        List<EventRouteSpec> routes = new ArrayList<>();
        if (tuple == null || NodeReader.isNull(tuple.getValueNode())) {
            return routes;
        }
        if (!(tuple.getValueNode() instanceof SequenceNode seq)) {
            nodes.problem(NodeReader.line(tuple.getValueNode()), "event-routes", "must be a list of event routes");
            return routes;
        }
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            String field = "event-routes[" + i + "]";
            EventRouteSpec route = route(seq.getValue().get(i), field);
            if (route == null) {
                continue;
            }
            Integer previous = ids.putIfAbsent(route.id(), route.line());
            if (previous != null) {
                nodes.problem(
                        route.line(),
                        field + ".id",
                        "duplicate id '" + route.id() + "' (first used on line " + previous + ")");
                continue;
            }
            routes.add(route);
        }
        return routes;
    }

    private @Nullable EventRouteSpec route(Node node, String field) {
        Map<String, NodeTuple> f = nodes.mapping(node, field, KEYS);
        if (f == null) {
            return null;
        }
        int before = nodes.problemCount();
        String id = nodes.requiredScalar(f, "id", field, node);
        if (id != null && !ID.matcher(id).matches()) {
            nodes.problem(
                    NodeReader.lineOf(f, "id", node),
                    field + ".id",
                    "'" + id + "' is not a valid id (letters, digits, '.', '_', '-'; at most 100)");
        }
        String switchText = nodes.requiredScalar(f, "switch", field, node);
        URI switchUri = switchText == null ? null : switchUri(switchText, NodeReader.lineOf(f, "switch", node), field);
        Stage stage = null;
        String stageText = nodes.requiredScalar(f, "stage", field, node);
        if (stageText != null) {
            stage = Stage.parse(stageText)
                    .filter(EventRouteSpec.STAGES::contains)
                    .orElse(null);
            if (stage == null) {
                nodes.problem(
                        NodeReader.lineOf(f, "stage", node),
                        field + ".stage",
                        "'" + stageText + "' is not a stage of an event route (expected LEGACY, SHADOW or MIGRATED;"
                                + " events move for all new orders at once, so there is no CANARY)");
            }
        }
        if (nodes.problemCount() > before || id == null || switchUri == null || stage == null) {
            return null;
        }
        return new EventRouteSpec(id, switchUri, stage, NodeReader.line(node));
    }

    private @Nullable URI switchUri(String text, int line, String field) {
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
                reason = "user info is not allowed (the token is the proxy's banyan.event-routes.token)";
            } else if (uri.getRawPath() == null || uri.getRawPath().length() < 2) {
                reason = "needs the switch's path, e.g. /internal/event-routes/delivery";
            } else if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                reason = "must not have a query or fragment";
            }
        } catch (URISyntaxException e) {
            reason = e.getReason() + " at index " + e.getIndex();
        }
        if (reason != null) {
            nodes.problem(line, field + ".switch", "bad URI '" + text + "': " + reason);
            return null;
        }
        return URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority() + uri.getRawPath());
    }
}
