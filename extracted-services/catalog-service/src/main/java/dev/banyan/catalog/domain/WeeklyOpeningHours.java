package dev.banyan.catalog.domain;

import java.time.DayOfWeek;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jmolecules.ddd.types.ValueObject;

/** At most one {@link OpeningHours} per day of the week, ordered Monday to Sunday. */
public final class WeeklyOpeningHours implements ValueObject {

    private final Map<DayOfWeek, OpeningHours> byDay;

    private WeeklyOpeningHours(Map<DayOfWeek, OpeningHours> byDay) {
        this.byDay = Collections.unmodifiableMap(byDay);
    }

    public static WeeklyOpeningHours of(Collection<OpeningHours> hours) {
        Map<DayOfWeek, OpeningHours> byDay = new EnumMap<>(DayOfWeek.class);
        for (OpeningHours entry : hours) {
            if (byDay.putIfAbsent(entry.day(), entry) != null) {
                throw new IllegalArgumentException("opening hours list " + entry.day() + " more than once");
            }
        }
        return new WeeklyOpeningHours(byDay);
    }

    public static WeeklyOpeningHours none() {
        return new WeeklyOpeningHours(new EnumMap<>(DayOfWeek.class));
    }

    public List<OpeningHours> days() {
        return List.copyOf(byDay.values());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WeeklyOpeningHours that && byDay.equals(that.byDay);
    }

    @Override
    public int hashCode() {
        return byDay.hashCode();
    }

    @Override
    public String toString() {
        return byDay.values().toString();
    }
}
