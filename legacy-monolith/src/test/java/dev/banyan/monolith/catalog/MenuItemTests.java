package dev.banyan.monolith.catalog;

import java.time.Instant;
import java.util.UUID;

import dev.banyan.monolith.catalog.domain.MenuItem;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MenuItemTests {

    static final Instant CREATED = Instant.parse("2026-03-02T03:00:00Z");
    static final RestaurantId RESTAURANT = new RestaurantId(UUID.randomUUID());

    @Test
    void changesPriceAndAvailabilityAndStampsTheChange() {
        MenuItem item = MenuItem.add(new MenuItemId(UUID.randomUUID()), RESTAURANT, "떡볶이", null, 4500, true, CREATED);
        Instant later = CREATED.plusSeconds(60);

        item.changePrice(5000, later);
        item.changeAvailability(false, later);

        assertThat(item.price()).isEqualTo(5000);
        assertThat(item.available()).isFalse();
        assertThat(item.updatedAt()).isEqualTo(later);
        assertThat(item.createdAt()).isEqualTo(CREATED);
        assertThat(item.belongsTo(RESTAURANT)).isTrue();
        assertThat(item.belongsTo(new RestaurantId(UUID.randomUUID()))).isFalse();
    }

    @Test
    void neverHasANegativePrice() {
        MenuItem item = MenuItem.add(new MenuItemId(UUID.randomUUID()), RESTAURANT, "순대", null, 4000, true, CREATED);

        assertThatThrownBy(() -> item.changePrice(-1, CREATED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("price");
        assertThat(item.price()).isEqualTo(4000);
        assertThatThrownBy(
                        () -> MenuItem.add(new MenuItemId(UUID.randomUUID()), RESTAURANT, "", null, 1, true, CREATED))
                .hasMessageContaining("name");
    }
}
