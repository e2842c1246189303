package dev.banyan.proxy.edge;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Normalises a raw request path before it is routed, and the normalised path is also what the backend receives, so
 * routing and backend always agree on the path. Dot segments are removed as RFC 3986 section 5.2.4 says, including
 * their percent-encoded ({@code %2e%2e}) and path-parameter ({@code ..;x}) disguises, and empty segments collapse.
 * Encoded slashes and backslashes, NUL and control characters, and paths that climb above the root are rejected:
 * backends disagree on what they mean, which is exactly how a path slips past a route.
 */
public final class PathNormalizer {

    /** A path that cannot be made safe. */
    public static final class RejectedPathException extends IllegalArgumentException {
        RejectedPathException(String reason) {
            super(reason);
        }
    }

    private PathNormalizer() {}

    public static String normalize(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        if (rawPath.charAt(0) != '/') {
            throw new RejectedPathException("path must start with '/'");
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || rawPath.indexOf('\\') >= 0) {
            throw new RejectedPathException("encoded slashes and backslashes are not allowed in the path");
        }
        if (lower.contains("%00")) {
            throw new RejectedPathException("NUL is not allowed in the path");
        }
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new RejectedPathException("control characters are not allowed in the path");
            }
        }
        if (!needsWork(rawPath, lower)) {
            return rawPath;
        }
        Deque<String> segments = new ArrayDeque<>();
        String[] parts = rawPath.split("/", -1);
        boolean trailingSlash = false;
        for (int i = 1; i < parts.length; i++) {
            String segment = parts[i];
            boolean last = i == parts.length - 1;
            String name = dotName(segment);
            if (segment.isEmpty() || name.equals(".")) {
                trailingSlash = last;
                continue;
            }
            if (name.equals("..")) {
                if (segments.isEmpty()) {
                    throw new RejectedPathException("the path climbs above the root");
                }
                segments.removeLast();
                trailingSlash = last;
                continue;
            }
            segments.addLast(segment);
            trailingSlash = false;
        }
        StringBuilder out = new StringBuilder(rawPath.length());
        for (String s : segments) {
            out.append('/').append(s);
        }
        if (trailingSlash || out.isEmpty()) {
            out.append('/');
        }
        return out.toString();
    }

    private static boolean needsWork(String rawPath, String lower) {
        return rawPath.contains("//") || rawPath.contains("/.") || lower.contains("%2e") || rawPath.endsWith("/.");
    }

    /** The segment's name with path parameters dropped and encoded dots decoded, to spot disguised dot segments. */
    private static String dotName(String segment) {
        int semicolon = segment.indexOf(';');
        String name = semicolon >= 0 ? segment.substring(0, semicolon) : segment;
        String decoded = name.replace("%2e", ".").replace("%2E", ".");
        return decoded.equals(".") || decoded.equals("..") ? decoded : segment;
    }
}
