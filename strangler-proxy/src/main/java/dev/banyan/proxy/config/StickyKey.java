package dev.banyan.proxy.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Where the canary cohort key of a request is read from: {@code header:NAME}, {@code cookie:NAME} or
 * {@code query:NAME}.
 */
public record StickyKey(Source source, String name) {

    public enum Source {
        HEADER,
        COOKIE,
        QUERY
    }

    public static Optional<StickyKey> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            return Optional.empty();
        }
        String name = text.substring(colon + 1).trim();
        if (name.isEmpty() || !name.chars().allMatch(c -> c > 32 && c < 127)) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new StickyKey(Source.valueOf(text.substring(0, colon).trim().toUpperCase(Locale.ROOT)), name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return source.name().toLowerCase(Locale.ROOT) + ":" + name;
    }
}
