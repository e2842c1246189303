package dev.banyan.proxy.config;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The one check that needs all routes at once: two routes that neither {@code order} nor specificity can tell apart.
 * It lives with the file model, so that the routes file reader reports it with the other problems.
 */
final class RouteOverlaps {

    private record Entry(PathPattern pattern, RouteSpec route) {}

    private RouteOverlaps() {}

    /**
     * Two routes are ambiguous when they have the same order, share a method, have path patterns of equal
     * specificity, and some path matches both: neither "most specific" nor "order" can decide between them.
     */
    static List<ConfigProblem> problems(List<RouteSpec> routes) {
        List<Entry> entries = entries(routes);
        List<ConfigProblem> problems = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            for (int j = i + 1; j < entries.size(); j++) {
                Entry a = entries.get(i);
                Entry b = entries.get(j);
                if (a.route() == b.route()
                        || a.route().effectiveOrder() != b.route().effectiveOrder()
                        || !sharesMethod(a.route(), b.route())
                        || PathPattern.SPECIFICITY_COMPARATOR.compare(a.pattern(), b.pattern()) != 0
                        || !overlap(a.pattern(), b.pattern())) {
                    continue;
                }
                int index = routes.indexOf(b.route());
                problems.add(new ConfigProblem(
                        b.route().line(),
                        "routes[" + index + "].paths",
                        "ambiguous overlap: '" + b.pattern().getPatternString() + "' of route '"
                                + b.route().id()
                                + "' and '" + a.pattern().getPatternString() + "' of route '"
                                + a.route().id()
                                + "' match the same requests with equal specificity; set a different 'order' on one"));
            }
        }
        return problems;
    }

    private static boolean sharesMethod(RouteSpec a, RouteSpec b) {
        // allowsMethod, not the lists: a GET route takes HEAD too
        return a.methods().isEmpty()
                || b.methods().isEmpty()
                || a.methods().stream().anyMatch(b::allowsMethod)
                || b.methods().stream().anyMatch(a::allowsMethod);
    }

    /** Builds a witness path from each pattern (wildcards filled from the other) and checks both patterns accept it. */
    static boolean overlap(PathPattern a, PathPattern b) {
        return bothMatch(witness(a, b), a, b) || bothMatch(witness(b, a), a, b);
    }

    private static boolean bothMatch(String path, PathPattern a, PathPattern b) {
        PathContainer container = PathContainer.parsePath(path);
        return a.matches(container) && b.matches(container);
    }

    private static String witness(PathPattern pattern, PathPattern other) {
        String[] mine = pattern.getPatternString().split("/");
        String[] theirs = other.getPatternString().split("/");
        StringBuilder path = new StringBuilder();
        for (int i = 1; i < mine.length; i++) {
            String segment = mine[i];
            if (isWildcard(segment)) {
                if (segment.startsWith("**") || segment.startsWith("{*")) {
                    for (int k = i; k < theirs.length; k++) {
                        path.append('/').append(isWildcard(theirs[k]) ? "x" : theirs[k]);
                    }
                    break;
                }
                segment = i < theirs.length && !isWildcard(theirs[i]) ? theirs[i] : "x";
            }
            path.append('/').append(segment);
        }
        return path.isEmpty() ? "/" : path.toString();
    }

    private static boolean isWildcard(String segment) {
        return segment.contains("*") || segment.contains("{") || segment.contains("?");
    }

    private static List<Entry> entries(List<RouteSpec> routes) {
        List<Entry> entries = new ArrayList<>();
        for (RouteSpec route : routes) {
            for (String path : route.paths()) {
                entries.add(new Entry(PathPatternParser.defaultInstance.parse(path), route));
            }
        }
        return entries;
    }
}
