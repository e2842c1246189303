package dev.banyan.architecture.boundary;

import java.util.List;

/**
 * One bounded context of the configuration, or one created by a pattern with captures.
 *
 * @param name     the context's name, as used in {@code may-use}; for a pattern with captures the template of the names
 *                 ({@code $1} for the first capture)
 * @param packages the packages that make up the context
 * @param api      the packages other contexts may use; empty means the whole context is its API
 * @param mayUse   the contexts this context may depend on
 * @param captures for a context created by captures, what its packages captured; empty otherwise
 */
public record ContextDefinition(
        String name,
        List<PackagePattern> packages,
        List<PackagePattern> api,
        List<String> mayUse,
        List<String> captures) {

    public ContextDefinition {
        packages = List.copyOf(packages);
        api = List.copyOf(api);
        mayUse = List.copyOf(mayUse);
        captures = List.copyOf(captures);
    }

    public ContextDefinition(
            String name, List<PackagePattern> packages, List<PackagePattern> api, List<String> mayUse) {
        this(name, packages, api, mayUse, List.of());
    }

    /** Whether this is a template: its packages capture, and each distinct capture is a context of its own. */
    public boolean isTemplate() {
        return captures.isEmpty() && packages.stream().anyMatch(PackagePattern::captures);
    }

    /**
     * The context a package of this template belongs to, named by substituting the captures for {@code $1},
     * {@code $2}, ... in the name and in {@code may-use}.
     */
    public ContextDefinition instance(List<String> captured) {
        return new ContextDefinition(
                substitute(name, captured),
                packages,
                api,
                mayUse.stream().map(used -> substitute(used, captured)).toList(),
                captured);
    }

    static String substitute(String template, List<String> captured) {
        String result = template;
        for (int group = captured.size(); group >= 1; group--) {
            result = result.replace("$" + group, captured.get(group - 1));
        }
        return result;
    }

    public boolean contains(String packageName) {
        for (PackagePattern pattern : packages) {
            if (matchesOwnCaptures(pattern, packageName)) {
                return true;
            }
        }
        return false;
    }

    public boolean hasDeclaredApi() {
        return !api.isEmpty();
    }

    public boolean isApiPackage(String packageName) {
        if (api.isEmpty()) {
            return true;
        }
        for (PackagePattern pattern : api) {
            if (matchesOwnCaptures(pattern, packageName)) {
                return true;
            }
        }
        return false;
    }

    /** A capturing pattern of a created context matches only the packages with the context's own captures. */
    private boolean matchesOwnCaptures(PackagePattern pattern, String packageName) {
        List<String> groups = pattern.match(packageName);
        return groups != null && (groups.isEmpty() || captures.isEmpty() || groups.equals(captures));
    }
}
