package dev.banyan.architecture.boundary;

import java.util.List;

/**
 * One bounded context of the configuration.
 *
 * @param name     the context's name, as used in {@code may-use}
 * @param packages the packages that make up the context
 * @param api      the packages other contexts may use; empty means the whole context is its API
 * @param mayUse   the contexts this context may depend on
 */
public record ContextDefinition(
        String name, List<PackagePattern> packages, List<PackagePattern> api, List<String> mayUse) {

    public ContextDefinition {
        packages = List.copyOf(packages);
        api = List.copyOf(api);
        mayUse = List.copyOf(mayUse);
    }

    public boolean contains(String packageName) {
        for (PackagePattern pattern : packages) {
            if (pattern.matches(packageName)) {
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
            if (pattern.matches(packageName)) {
                return true;
            }
        }
        return false;
    }
}
