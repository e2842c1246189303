package dev.banyan.monolith.catalog.domain;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;

import org.jmolecules.ddd.types.ValueObject;

/**
 * The hours of one weekday. {@code closes} before {@code opens} means the restaurant closes after midnight
 * (e.g. 17:00-02:00); {@code closes} equal to {@code opens} means open around the clock.
 */
public record OpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes) implements ValueObject {

    public OpeningHours {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
    }

    public boolean pastMidnight() {
        return closes.isBefore(opens);
    }

    /** Whether this weekday's window covers the given local date-time (including its spill into the next day). */
    public boolean covers(LocalDateTime time) {
        LocalTime clock = time.toLocalTime();
        DayOfWeek today = time.getDayOfWeek();
        if (opens.equals(closes)) {
            return today == day;
        }
        if (!pastMidnight()) {
            return today == day && !clock.isBefore(opens) && clock.isBefore(closes);
        }
        return (today == day && !clock.isBefore(opens)) || (today == day.plus(1) && clock.isBefore(closes));
    }
}
