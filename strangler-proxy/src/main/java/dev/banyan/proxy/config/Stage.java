package dev.banyan.proxy.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where a route is in its migration from the monolith to a service. */
public enum Stage {
    /** Legacy serves everything. */
    LEGACY,
    /** Legacy answers; a copy goes to the service and the two answers are compared. */
    SHADOW,
    /** A share of the traffic goes to the service, sticky by key when configured. */
    CANARY,
    /** The service serves everything. */
    MIGRATED;

    public static Optional<Stage> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
