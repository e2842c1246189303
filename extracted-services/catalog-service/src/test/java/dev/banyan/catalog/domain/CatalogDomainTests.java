package dev.banyan.catalog.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CatalogDomainTests {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void weeklyHoursAreOrderedMondayFirstAndRejectARepeatedDay() {
        WeeklyOpeningHours hours = WeeklyOpeningHours.of(List.of(
                new OpeningHours(DayOfWeek.SUNDAY, LocalTime.of(11, 0), LocalTime.of(21, 0)),
                new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(17, 0), LocalTime.of(2, 0))));
        assertThat(hours.days()).extracting(OpeningHours::day).containsExactly(DayOfWeek.MONDAY, DayOfWeek.SUNDAY);
        assertThat(hours.days().get(0).closesAfterMidnight()).isTrue();
        assertThat(hours.days().get(1).closesAfterMidnight()).isFalse();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WeeklyOpeningHours.of(List.of(
                        new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(10, 0)),
                        new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(11, 0), LocalTime.of(12, 0)))))
                .withMessageContaining("MONDAY");
    }

    @Test
    void amountsInWonAreNeverNegative() {
        assertThat(Krw.of(0)).isEqualTo(Krw.ZERO);
        assertThatIllegalArgumentException().isThrownBy(() -> Krw.of(-1)).withMessageContaining("-1");
    }

    @Test
    void aNewRestaurantIsOpenAndNeedsANameAndAnAddress() {
        Restaurant restaurant = Restaurant.register(
                RestaurantId.newId(),
                "교촌치킨",
                new CategoryCode("chicken"),
                null,
                "서울",
                Krw.of(15000),
                Krw.of(3000),
                WeeklyOpeningHours.none(),
                NOW);
        assertThat(restaurant.status()).isEqualTo(RestaurantStatus.OPEN);
        assertThat(restaurant.createdAt()).isEqualTo(NOW).isEqualTo(restaurant.updatedAt());
        assertThat(restaurant.version()).isZero();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Restaurant.register(
                        RestaurantId.newId(),
                        " ",
                        new CategoryCode("chicken"),
                        null,
                        "서울",
                        Krw.ZERO,
                        Krw.ZERO,
                        WeeklyOpeningHours.none(),
                        NOW))
                .withMessageContaining("name");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Restaurant.register(
                        RestaurantId.newId(),
                        "x",
                        new CategoryCode("chicken"),
                        null,
                        null,
                        Krw.ZERO,
                        Krw.ZERO,
                        WeeklyOpeningHours.none(),
                        NOW))
                .withMessageContaining("address");
    }

    @Test
    void menuItemsChangePriceAndAvailabilityAndKnowTheirRestaurant() {
        RestaurantId owner = RestaurantId.newId();
        MenuItem item = MenuItem.add(MenuItemId.newId(), owner, "후라이드", null, Krw.of(18000), true, NOW);
        Instant later = NOW.plusSeconds(60);
        item.reprice(Krw.of(17000), later);
        item.markAvailable(false, later);
        assertThat(item.price()).isEqualTo(Krw.of(17000));
        assertThat(item.available()).isFalse();
        assertThat(item.updatedAt()).isEqualTo(later);
        assertThat(item.createdAt()).isEqualTo(NOW);
        assertThat(item.belongsTo(owner)).isTrue();
        assertThat(item.belongsTo(RestaurantId.newId())).isFalse();
    }
}
