package dev.banyan.catalog.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

import org.jmolecules.ddd.types.ValueObject;

/**
 * Opening hours on one day of the week. {@code closes} before {@code opens} means the restaurant closes after
 * midnight (e.g. 17:00 - 02:00); {@code closes} equal to {@code opens} means open around the clock.
 */
public record OpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes) implements ValueObject {

    public OpeningHours {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
    }

    public boolean closesAfterMidnight() {
        return closes.isBefore(opens);
    }
}
