package dev.banyan.proxy.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The subset of JSONPath used to leave fields out of a shadow comparison: {@code $} root, {@code .name},
 * {@code ['name']}, {@code [3]}, {@code [*]}, {@code .*} and the recursive {@code ..name}.
 */
public final class JsonPathPattern {

    private interface Token {}

    private record Field(String name) implements Token {}

    private record AnyChild() implements Token {}

    private record Index(int index) implements Token {}

    private record AnyIndex() implements Token {}

    private record Descendant() implements Token {}

    private final String text;

    private final List<Token> tokens;

    private JsonPathPattern(String text, List<Token> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    /**
     * Parses a pattern.
     * @throws IllegalArgumentException with a reason when the text is not a supported JSON path
     */
    public static JsonPathPattern parse(String text) {
        if (text == null || !text.startsWith("$")) {
            throw new IllegalArgumentException("JSON path must start with '$' (was '" + text + "')");
        }
        List<Token> tokens = new ArrayList<>();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '.') {
                    tokens.add(new Descendant());
                    i += 2;
                } else {
                    i += 1;
                }
                int start = i;
                while (i < text.length() && text.charAt(i) != '.' && text.charAt(i) != '[') {
                    i++;
                }
                String name = text.substring(start, i);
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("empty field name at position " + start + " in '" + text + "'");
                }
                tokens.add(name.equals("*") ? new AnyChild() : new Field(name));
            } else if (c == '[') {
                int end = text.indexOf(']', i);
                if (end < 0) {
                    throw new IllegalArgumentException("missing ']' in '" + text + "'");
                }
                String inner = text.substring(i + 1, end).trim();
                if (inner.equals("*")) {
                    tokens.add(new AnyIndex());
                } else if (inner.length() >= 2
                        && (inner.startsWith("'") && inner.endsWith("'")
                                || inner.startsWith("\"") && inner.endsWith("\""))) {
                    tokens.add(new Field(inner.substring(1, inner.length() - 1)));
                } else {
                    try {
                        tokens.add(new Index(Integer.parseInt(inner)));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("unsupported selector [" + inner + "] in '" + text + "'");
                    }
                }
                i = end + 1;
            } else {
                throw new IllegalArgumentException("unexpected '" + c + "' at position " + i + " in '" + text + "'");
            }
        }
        if (!tokens.isEmpty() && tokens.get(tokens.size() - 1) instanceof Descendant) {
            throw new IllegalArgumentException("'..' must be followed by a field name in '" + text + "'");
        }
        return new JsonPathPattern(text, List.copyOf(tokens));
    }

    /**
     * Whether the concrete location matches.
     * @param path the location as field names ({@link String}) and array indexes ({@link Integer}) from the root
     */
    public boolean matches(List<Object> path) {
        return matches(0, path, 0);
    }

    private boolean matches(int ti, List<Object> path, int pi) {
        if (ti == tokens.size()) {
            return pi == path.size();
        }
        Token token = tokens.get(ti);
        if (token instanceof Descendant) {
            for (int k = pi; k < path.size(); k++) {
                if (matches(ti + 1, path, k)) {
                    return true;
                }
            }
            return false;
        }
        if (pi >= path.size()) {
            return false;
        }
        Object segment = path.get(pi);
        boolean ok;
        if (token instanceof Field f) {
            ok = f.name().equals(segment);
        } else if (token instanceof Index n) {
            ok = segment instanceof Integer idx && idx == n.index();
        } else if (token instanceof AnyIndex) {
            ok = segment instanceof Integer;
        } else {
            ok = token instanceof AnyChild;
        }
        return ok && matches(ti + 1, path, pi + 1);
    }

    @Override
    public String toString() {
        return text;
    }
}
