package dev.banyan.proxy.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.banyan.proxy.config.ConfigProblem;
import dev.banyan.proxy.config.RouteSpec;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Finds the route for a request. Every (route, path pattern) pair is an entry; entries are sorted by explicit
 * {@code order} (lower first, absent = 0), then by specificity as Spring defines it for path patterns (fewer
 * wildcards and captures, longer literal text first). The first entry whose pattern and method match wins; no match
 * means legacy.
 */
public final class RouteTable {

    private record Entry(PathPattern pattern, RouteSpec route) {
    }

    private static final Comparator<Entry> PRIORITY = Comparator
            .<Entry>comparingInt(e -> e.route().effectiveOrder())
            .thenComparing(Entry::pattern, PathPattern.SPECIFICITY_COMPARATOR);

    private final Entry[] entries;

    private RouteTable(List<Entry> entries) {
        this.entries = entries.toArray(Entry[]::new);
    }

    public static RouteTable of(List<RouteSpec> routes) {
        List<Entry> entries = entries(routes);
        entries.sort(PRIORITY);
        return new RouteTable(entries);
    }

    /** The route for the request, or {@code null} when legacy should serve it as the strangler default. */
    public RouteSpec match(String method, PathContainer path) {
        for (Entry entry : entries) {
            if (entry.route().allowsMethod(method) && entry.pattern().matches(path)) {
                return entry.route();
            }
        }
        return null;
    }

    /**
     * Two routes are ambiguous when they have the same order, share a method, have path patterns of equal
     * specificity, and some path matches both: neither "most specific" nor "order" can decide between them.
     */
    public static List<ConfigProblem> overlapProblems(List<RouteSpec> routes) {
        List<Entry> entries = entries(routes);
        List<ConfigProblem> problems = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            for (int j = i + 1; j < entries.size(); j++) {
                Entry a = entries.get(i);
                Entry b = entries.get(j);
                if (a.route() == b.route() || a.route().effectiveOrder() != b.route().effectiveOrder()
                        || !sharesMethod(a.route(), b.route())
                        || PathPattern.SPECIFICITY_COMPARATOR.compare(a.pattern(), b.pattern()) != 0
                        || !overlap(a.pattern(), b.pattern())) {
                    continue;
                }
                int index = routes.indexOf(b.route());
                problems.add(new ConfigProblem(b.route().line(), "routes[" + index + "].paths",
                        "ambiguous overlap: '" + b.pattern().getPatternString() + "' of route '" + b.route().id()
                                + "' and '" + a.pattern().getPatternString() + "' of route '" + a.route().id()
                                + "' match the same requests with equal specificity; set a different 'order' on one"));
            }
        }
        return problems;
    }

    private static boolean sharesMethod(RouteSpec a, RouteSpec b) {
        // allowsMethod, not the lists: a GET route takes HEAD too
        return a.methods().isEmpty() || b.methods().isEmpty() || a.methods().stream().anyMatch(b::allowsMethod)
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
