package dev.banyan.monolith.catalog.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.banyan.monolith.catalog.CatalogApi;
import dev.banyan.monolith.catalog.MenuItemId;
import dev.banyan.monolith.catalog.RestaurantId;
import dev.banyan.monolith.catalog.RestaurantMenu;
import dev.banyan.monolith.shared.Ids;
import dev.banyan.monolith.shared.Krw;
import dev.banyan.monolith.shared.NotFoundException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalog's use cases: what the HTTP layer and other contexts call. */
@Service
@Transactional
public class CatalogService implements CatalogApi {

    private final Restaurants restaurants;
    private final MenuItems menuItems;
    private final Categories categories;
    private final Clock clock;
    private final ZoneId zone;

    CatalogService(
            Restaurants restaurants,
            MenuItems menuItems,
            Categories categories,
            Clock clock,
            @Value("${banyan.monolith.time-zone:Asia/Seoul}") ZoneId zone) {
        this.restaurants = restaurants;
        this.menuItems = menuItems;
        this.categories = categories;
        this.clock = clock;
        this.zone = zone;
    }

    public record NewRestaurant(
            String name,
            String categoryCode,
            String phone,
            String address,
            long minimumOrderAmount,
            long deliveryFee,
            List<OpeningHours> openingHours) {}

    /** A restaurant with its menu, ordered by name then id. */
    public record RestaurantWithMenu(Restaurant restaurant, List<MenuItem> menu) {}

    public record RestaurantPage(List<Restaurant> content, long totalElements) {}

    public RestaurantWithMenu register(NewRestaurant command) {
        Restaurant restaurant = Restaurant.register(
                new RestaurantId(Ids.random()),
                command.name(),
                command.categoryCode(),
                command.phone(),
                command.address(),
                command.minimumOrderAmount(),
                command.deliveryFee(),
                command.openingHours(),
                now());
        restaurants.add(restaurant);
        return new RestaurantWithMenu(restaurant, List.of());
    }

    public MenuItem addMenuItem(
            RestaurantId restaurantId, String name, String description, long price, boolean available) {
        requireRestaurant(restaurantId);
        MenuItem item =
                MenuItem.add(new MenuItemId(Ids.random()), restaurantId, name, description, price, available, now());
        menuItems.add(item);
        return item;
    }

    /** Changes price and/or availability; a null argument leaves that attribute alone. */
    public MenuItem changeMenuItem(RestaurantId restaurantId, MenuItemId itemId, Long price, Boolean available) {
        requireRestaurant(restaurantId);
        MenuItem item = menuItems
                .findById(itemId)
                .filter(found -> found.belongsTo(restaurantId))
                .orElseThrow(() ->
                        new NotFoundException("Menu item " + itemId + " not found in restaurant " + restaurantId));
        Instant now = now();
        if (price != null) {
            item.changePrice(price, now);
        }
        if (available != null) {
            item.changeAvailability(available, now);
        }
        menuItems.update(item);
        return item;
    }

    @Transactional(readOnly = true)
    public RestaurantWithMenu restaurant(RestaurantId id) {
        Restaurant restaurant = requireRestaurant(id);
        return new RestaurantWithMenu(restaurant, menuItems.menuOf(id));
    }

    @Transactional(readOnly = true)
    public RestaurantPage restaurants(String categoryCode, int page, int size) {
        return new RestaurantPage(restaurants.page(categoryCode, page, size), restaurants.count(categoryCode));
    }

    @Transactional(readOnly = true)
    public List<Category> categories() {
        return categories.all();
    }

    @Transactional(readOnly = true)
    public boolean categoryExists(String code) {
        return categories.exists(code);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<RestaurantMenu> findMenu(RestaurantId restaurantId) {
        return restaurants.findById(restaurantId).map(restaurant -> {
            Map<MenuItemId, RestaurantMenu.Entry> items = new LinkedHashMap<>();
            for (MenuItem item : menuItems.menuOf(restaurantId)) {
                items.put(
                        item.getId(),
                        new RestaurantMenu.Entry(item.getId(), item.name(), Krw.of(item.price()), item.available()));
            }
            return new RestaurantMenu(
                    restaurant.getId(),
                    restaurant.name(),
                    restaurant.address(),
                    restaurant.status(),
                    restaurant.isTakingOrdersAt(clock.instant().atZone(zone)),
                    Krw.of(restaurant.minimumOrderAmount()),
                    Krw.of(restaurant.deliveryFee()),
                    items);
        });
    }

    private Restaurant requireRestaurant(RestaurantId id) {
        return restaurants.findById(id).orElseThrow(() -> new NotFoundException("Restaurant " + id + " not found"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
