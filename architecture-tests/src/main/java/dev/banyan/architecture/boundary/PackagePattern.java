package dev.banyan.architecture.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A package pattern from the configuration, in ArchUnit's package identifier syntax (the meaning of
 * {@code com.tngtech.archunit.core.domain.PackageMatcher}): {@code com.acme.catalog} is that package only,
 * {@code com.acme.catalog..} the package and its sub-packages, {@code ..internal..} any package with an
 * {@code internal} segment, {@code *} part of one segment, {@code [a|b]} either, and {@code (*)}, {@code (**)} and
 * {@code (a|b)} capture (one segment, several segments, one of the alternatives). Captures name the contexts a pattern
 * creates ({@code $1} in the context's name).
 */
public final class PackagePattern {

    // '..': optional segments, possibly completing a partial segment at either end (ArchUnit's meaning)
    private static final String ANY_PACKAGES = "(?:(?:^\\w*)?\\.(?:\\w+\\.)*(?:\\w*$)?)?";
    private static final String SEGMENTS = "\\w+(?:\\.\\w+)*";
    private static final Pattern PLAIN = Pattern.compile("\\w+(\\.\\w+)*(\\.\\.)?");

    private final String text;
    private final Pattern regex;

    private PackagePattern(String text, Pattern regex) {
        this.text = text;
        this.regex = regex;
    }

    /**
     * Parses a pattern, or returns {@code null} when the text is not a valid pattern.
     */
    public static @Nullable PackagePattern parse(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return of(text);
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }

    /**
     * Parses a pattern.
     *
     * @throws IllegalArgumentException naming why the text is no pattern
     */
    public static PackagePattern of(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("it is empty");
        }
        if (text.contains("...")) {
            throw new IllegalArgumentException("more than two '.' in a row");
        }
        if (text.replace("(**)", "").contains("**")) {
            throw new IllegalArgumentException("more than one '*' in a row outside '(**)'");
        }
        if (text.contains("(..)")) {
            throw new IllegalArgumentException("'(..)' does not capture; write '(**)'");
        }
        StringBuilder regex = new StringBuilder();
        char open = 0;
        boolean alternative = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (text.startsWith("(**)", i)) {
                regex.append('(').append(SEGMENTS).append(')');
                i += 3;
            } else if (text.startsWith("..", i)) {
                regex.append(ANY_PACKAGES);
                i++;
            } else if (c == '.') {
                regex.append("\\.");
            } else if (c == '*') {
                regex.append("\\w+");
            } else if (c == '(' || c == '[') {
                if (open != 0) {
                    throw new IllegalArgumentException("'" + c + "' inside '" + open + "': groups do not nest");
                }
                open = c;
                alternative = false;
                regex.append(c == '(' ? "(" : "(?:");
            } else if (c == ')' || c == ']') {
                if (open != (c == ')' ? '(' : '[')) {
                    throw new IllegalArgumentException("'" + c + "' closes no group");
                }
                if (c == ']' && !alternative) {
                    throw new IllegalArgumentException("'[...]' needs alternatives separated by '|'");
                }
                open = 0;
                regex.append(')');
            } else if (c == '|') {
                if (open == 0) {
                    throw new IllegalArgumentException("'|' outside '[...]' or '(...)'");
                }
                alternative = true;
                regex.append('|');
            } else if (Character.isJavaIdentifierPart(c)) {
                regex.append(c == '$' ? "\\$" : String.valueOf(c));
            } else {
                throw new IllegalArgumentException(
                        "'" + c + "' is neither part of a Java name nor one of . * ( ) [ ] |");
            }
        }
        if (open != 0) {
            throw new IllegalArgumentException("'" + open + "' is not closed");
        }
        return new PackagePattern(text, Pattern.compile(regex.toString()));
    }

    public String text() {
        return text;
    }

    public boolean matches(String candidatePackage) {
        return regex.matcher(candidatePackage).matches();
    }

    /**
     * The captured groups when the package matches ({@code []} for a pattern without captures), else {@code null}.
     */
    public @Nullable List<String> match(String candidatePackage) {
        Matcher matcher = regex.matcher(candidatePackage);
        if (!matcher.matches()) {
            return null;
        }
        List<String> groups = new ArrayList<>(matcher.groupCount());
        for (int group = 1; group <= matcher.groupCount(); group++) {
            groups.add(matcher.group(group));
        }
        return groups;
    }

    public boolean captures() {
        return regex.matcher("").groupCount() > 0;
    }

    /**
     * Whether the pattern is a package name, optionally followed by {@code ..}: only those are compared with each other
     * when the configuration is read; other overlaps show on the classes checked.
     */
    public boolean isPlain() {
        return PLAIN.matcher(text).matches();
    }

    /** For a plain pattern, the package it names. */
    public String packageName() {
        return text.endsWith("..") ? text.substring(0, text.length() - 2) : text;
    }

    /**
     * Whether some package is matched by both patterns, for plain patterns; {@code false} when either is not plain.
     */
    public boolean overlaps(PackagePattern other) {
        return isPlain() && other.isPlain() && (matches(other.packageName()) || other.matches(packageName()));
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof PackagePattern pattern && pattern.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
