package dev.banyan.monolith.catalog;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import dev.banyan.monolith.catalog.domain.OpeningHours;
import dev.banyan.monolith.catalog.domain.Restaurant;
import dev.banyan.monolith.shared.IllegalTransitionException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestaurantTests {

    static final Instant NOW = Instant.parse("2026-03-02T03:00:00Z");
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    static Restaurant restaurant(List<OpeningHours> hours) {
        return Restaurant.register(
                new RestaurantId(UUID.randomUUID()), "엄마손 분식", "bunsik", null, "서울 마포구", 10000, 2000, hours, NOW);
    }

    @Test
    void newRestaurantIsOpenAndSortsItsHoursByDay() {
        Restaurant restaurant = restaurant(List.of(
                new OpeningHours(DayOfWeek.FRIDAY, LocalTime.of(10, 0), LocalTime.of(20, 0)),
                new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(10, 0), LocalTime.of(20, 0))));

        assertThat(restaurant.status()).isEqualTo(RestaurantStatus.OPEN);
        assertThat(restaurant.openingHours())
                .extracting(OpeningHours::day)
                .containsExactly(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    }

    @Test
    void closingAClosedRestaurantNamesItsState() {
        Restaurant restaurant = restaurant(List.of());
        restaurant.close(NOW);

        assertThatThrownBy(() -> restaurant.close(NOW))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("is CLOSED");
        restaurant.reopen(NOW);
        assertThat(restaurant.status()).isEqualTo(RestaurantStatus.OPEN);
        assertThatThrownBy(() -> restaurant.reopen(NOW)).hasMessageContaining("is OPEN");
    }

    @Test
    void rejectsNegativeAmountsBlankNamesAndDuplicateDays() {
        RestaurantId id = new RestaurantId(UUID.randomUUID());
        assertThatThrownBy(() -> Restaurant.register(id, "a", "bunsik", null, "b", -1, 0, List.of(), NOW))
                .hasMessageContaining("minimumOrderAmount");
        assertThatThrownBy(() -> Restaurant.register(id, " ", "bunsik", null, "b", 0, 0, List.of(), NOW))
                .hasMessageContaining("name");
        OpeningHours monday = new OpeningHours(DayOfWeek.MONDAY, LocalTime.NOON, LocalTime.MIDNIGHT);
        assertThatThrownBy(() -> Restaurant.register(id, "a", "bunsik", null, "b", 0, 0, List.of(monday, monday), NOW))
                .hasMessageContaining("MONDAY twice");
    }

    @Test
    void takesOrdersOnlyWhenOpenAndInsideItsHours() {
        // 2026-03-02 is a Monday.
        Restaurant restaurant =
                restaurant(List.of(new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(17, 0), LocalTime.of(2, 0))));

        assertThat(restaurant.isTakingOrdersAt(
                        LocalDateTime.of(2026, 3, 2, 18, 0).atZone(SEOUL)))
                .isTrue();
        assertThat(restaurant.isTakingOrdersAt(
                        LocalDateTime.of(2026, 3, 3, 1, 59).atZone(SEOUL)))
                .isTrue();
        assertThat(restaurant.isTakingOrdersAt(
                        LocalDateTime.of(2026, 3, 3, 2, 0).atZone(SEOUL)))
                .isFalse();
        assertThat(restaurant.isTakingOrdersAt(
                        LocalDateTime.of(2026, 3, 2, 16, 59).atZone(SEOUL)))
                .isFalse();
        assertThat(restaurant.isTakingOrdersAt(
                        LocalDateTime.of(2026, 3, 4, 18, 0).atZone(SEOUL)))
                .isFalse();

        restaurant.close(NOW);
        assertThat(restaurant.isTakingOrdersAt(
                        LocalDateTime.of(2026, 3, 2, 18, 0).atZone(SEOUL)))
                .isFalse();
    }

    @Test
    void withoutListedHoursAnOpenRestaurantAlwaysTakesOrders() {
        assertThat(restaurant(List.of())
                        .isTakingOrdersAt(LocalDateTime.of(2026, 3, 2, 4, 0).atZone(SEOUL)))
                .isTrue();
    }

    @Test
    void equalOpeningAndClosingMeansAroundTheClock() {
        OpeningHours allDay = new OpeningHours(DayOfWeek.SUNDAY, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

        assertThat(allDay.covers(LocalDateTime.of(2026, 3, 1, 3, 30))).isTrue();
        assertThat(allDay.covers(LocalDateTime.of(2026, 3, 2, 3, 30))).isFalse();
    }
}
