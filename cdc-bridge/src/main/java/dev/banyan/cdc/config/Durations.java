package dev.banyan.cdc.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Spring Boot's {@code DurationStyle.detectAndParse} reads them, milliseconds by default: the simple
 * style ({@code 500ms}, {@code 2s}, {@code 1h}, {@code 3d}, {@code 10}) and ISO-8601 ({@code PT30S}). The same rules
 * without Spring on the classpath, because this package must stay usable from a Kafka Connect sink
 * ({@code EngineIndependenceTests}); {@code DurationsTests} holds both to the same answers.
 */
final class Durations {

    private static final Pattern SIMPLE = Pattern.compile("^([+-]?\\d+)([a-zA-Z]{0,2})$");
    private static final Pattern ISO_8601 =
            Pattern.compile("^[+-]?[pP](?:\\d+[dD])?(?:[tT](?:\\d+[hH])?(?:\\d+[mM])?(?:\\d+(?:\\.\\d+)?[sS])?)?$");

    private Durations() {}

    static Optional<Duration> parse(String text) {
        String value = text.trim();
        try {
            Matcher simple = SIMPLE.matcher(value);
            if (simple.matches()) {
                return unit(simple.group(2)).map(unit -> Duration.of(Long.parseLong(simple.group(1)), unit));
            }
            if (ISO_8601.matcher(value).matches()) {
                return Optional.of(Duration.parse(value));
            }
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<ChronoUnit> unit(String suffix) {
        return Optional.ofNullable(
                switch (suffix.toLowerCase(Locale.ROOT)) {
                    case "", "ms" -> ChronoUnit.MILLIS;
                    case "ns" -> ChronoUnit.NANOS;
                    case "us" -> ChronoUnit.MICROS;
                    case "s" -> ChronoUnit.SECONDS;
                    case "m" -> ChronoUnit.MINUTES;
                    case "h" -> ChronoUnit.HOURS;
                    case "d" -> ChronoUnit.DAYS;
                    default -> null;
                });
    }
}
