package dev.banyan.monolith.catalog;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** Bulk loading of restaurants with their hours and menus (demo data). Rows that exist already are left alone. */
public interface CatalogImport {

    /** @return how many restaurants were new */
    int importRestaurants(List<ImportedRestaurant> restaurants);

    boolean restaurantExists(RestaurantId id);

    record ImportedRestaurant(
            UUID id,
            String name,
            String categoryCode,
            String phone,
            String address,
            long minimumOrderAmount,
            long deliveryFee,
            String status,
            Instant createdAt,
            List<ImportedHours> openingHours,
            List<ImportedMenuItem> menu) {}

    /** @param dayOfWeek 1 = Monday ... 7 = Sunday */
    record ImportedHours(int dayOfWeek, LocalTime opens, LocalTime closes) {}

    record ImportedMenuItem(UUID id, String name, String description, long price, boolean available) {}
}
