package dev.banyan.proxy.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.banyan.proxy.config.RouteSpec;

import org.jspecify.annotations.Nullable;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Finds the route for a request. Every (route, path pattern) pair is an entry; entries are sorted by explicit
 * {@code order} (lower first, absent = 0), then by specificity as Spring defines it for path patterns (fewer
 * wildcards and captures, longer literal text first). The first entry whose pattern and method match wins; no match
 * means legacy. Files whose routes no order can tell apart are rejected earlier, by
 * {@code config.RouteOverlaps}.
 */
public final class RouteTable {

    private record Entry(PathPattern pattern, RouteSpec route) {}

    private static final Comparator<Entry> PRIORITY = Comparator.<Entry>comparingInt(
                    e -> e.route().effectiveOrder())
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
    public @Nullable RouteSpec match(String method, PathContainer path) {
        for (Entry entry : entries) {
            if (entry.route().allowsMethod(method) && entry.pattern().matches(path)) {
                return entry.route();
            }
        }
        return null;
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
