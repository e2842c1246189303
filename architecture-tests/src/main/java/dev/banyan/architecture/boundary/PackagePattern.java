package dev.banyan.architecture.boundary;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A package pattern from the configuration: {@code com.acme.catalog..} matches the package and all its sub-packages,
 * {@code com.acme.catalog} matches exactly that package.
 */
public record PackagePattern(String text, String packageName, boolean includesSubPackages) {

    private static final Pattern SYNTAX =
            Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*(\\.\\.)?");

    /**
     * Parses a pattern, or returns {@code null} when the text is not a valid pattern.
     */
    public static @Nullable PackagePattern parse(@Nullable String text) {
        if (text == null || !SYNTAX.matcher(text).matches()) {
            return null;
        }
        if (text.endsWith("..")) {
            return new PackagePattern(text, text.substring(0, text.length() - 2), true);
        }
        return new PackagePattern(text, text, false);
    }

    public boolean matches(String candidatePackage) {
        if (candidatePackage.equals(packageName)) {
            return true;
        }
        return includesSubPackages
                && candidatePackage.length() > packageName.length()
                && candidatePackage.startsWith(packageName)
                && candidatePackage.charAt(packageName.length()) == '.';
    }

    /**
     * Whether some package is matched by both patterns.
     */
    public boolean overlaps(PackagePattern other) {
        return matches(other.packageName) || other.matches(packageName);
    }

    @Override
    public String toString() {
        return text;
    }
}
