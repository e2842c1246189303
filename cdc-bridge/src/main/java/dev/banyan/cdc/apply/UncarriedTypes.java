package dev.banyan.cdc.apply;

import java.util.Optional;

/**
 * Source column types the capture cannot carry exactly, refused at start-up rather than changed in flight:
 * <ul>
 *   <li>{@code bit varying}: the connector turns the value into a number, so leading zeros and the length are lost
 *   ({@code B'0011'} arrives as {@code 11});</li>
 *   <li>arrays of {@code time}: the connector wraps an element {@code 24:00} to {@code 00:00}.</li>
 * </ul>
 * {@code bit(n)}, {@code time} (including {@code 24:00}) and {@code hstore} are carried exactly.
 */
final class UncarriedTypes {

    private UncarriedTypes() {}

    static Optional<String> reason(String sourceType) {
        if (sourceType.startsWith("bit varying")) {
            return Optional.of("bit varying values lose their leading zeros and length in the capture; "
                    + "use bit(n) or text in the source, or exclude the column");
        }
        if (sourceType.startsWith("time") && !sourceType.startsWith("timestamp") && sourceType.endsWith("[]")) {
            return Optional.of("arrays of time lose the value 24:00 in the capture (it arrives as 00:00); "
                    + "use text[] in the source, or exclude the column");
        }
        return Optional.empty();
    }
}
