package dev.banyan.catalog.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.banyan.catalog.domain.Categories;
import dev.banyan.catalog.domain.CategoryCode;
import dev.banyan.catalog.domain.Krw;
import dev.banyan.catalog.domain.MenuItem;
import dev.banyan.catalog.domain.MenuItemId;
import dev.banyan.catalog.domain.MenuItems;
import dev.banyan.catalog.domain.Restaurant;
import dev.banyan.catalog.domain.RestaurantId;
import dev.banyan.catalog.domain.Restaurants;
import dev.banyan.catalog.domain.WeeklyOpeningHours;
import dev.banyan.http.request.InvalidInputException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalog's use cases: reads go to the read model, changes go through the aggregates. */
@Service
public class CatalogService {

    public static final int MAX_PAGE_SIZE = 100;

    private final CatalogReadModel readModel;
    private final Restaurants restaurants;
    private final MenuItems menuItems;
    private final Categories categories;
    private final Clock clock;

    CatalogService(
            CatalogReadModel readModel,
            Restaurants restaurants,
            MenuItems menuItems,
            Categories categories,
            Clock clock) {
        this.readModel = readModel;
        this.restaurants = restaurants;
        this.menuItems = menuItems;
        this.categories = categories;
        this.clock = clock;
    }

    public List<CategoryView> categories() {
        return readModel.categories();
    }

    /** @param category null lists every category */
    public PageView<RestaurantSummary> restaurants(String category, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page " + page + " / size " + size + " out of range");
        }
        return readModel.restaurants(category, page, size);
    }

    public RestaurantDetail restaurant(UUID id) {
        return readModel.restaurant(id).orElseThrow(() -> unknownRestaurant(id));
    }

    public boolean categoryExists(String code) {
        return categories.exists(new CategoryCode(code));
    }

    @Transactional
    public RestaurantDetail register(RegisterRestaurant request) {
        CategoryCode category = new CategoryCode(request.category());
        if (!categories.exists(category)) {
            throw InvalidInputException.of("category", "unknown category '" + request.category() + "'");
        }
        Restaurant restaurant = Restaurant.register(
                RestaurantId.newId(),
                request.name(),
                category,
                request.phone(),
                request.address(),
                Krw.of(request.minimumOrderAmount()),
                Krw.of(request.deliveryFee()),
                WeeklyOpeningHours.of(request.openingHours()),
                now());
        restaurants.add(restaurant);
        return restaurant(restaurant.getId().value());
    }

    @Transactional
    public MenuItemView addMenuItem(UUID restaurantId, AddMenuItem request) {
        RestaurantId restaurant = new RestaurantId(restaurantId);
        if (!restaurants.exists(restaurant)) {
            throw unknownRestaurant(restaurantId);
        }
        MenuItem item = MenuItem.add(
                MenuItemId.newId(),
                restaurant,
                request.name(),
                request.description(),
                Krw.of(request.price()),
                request.available(),
                now());
        menuItems.add(item);
        return view(item);
    }

    @Transactional
    public MenuItemView changeMenuItem(UUID restaurantId, UUID itemId, ChangeMenuItem request) {
        RestaurantId restaurant = new RestaurantId(restaurantId);
        if (!restaurants.exists(restaurant)) {
            throw unknownRestaurant(restaurantId);
        }
        MenuItem item = menuItems
                .findById(new MenuItemId(itemId))
                .filter(candidate -> candidate.belongsTo(restaurant))
                .orElseThrow(() ->
                        new NotFoundException("Menu item " + itemId + " not found in restaurant " + restaurantId));
        Instant now = now();
        if (request.price() != null) {
            item.reprice(Krw.of(request.price()), now);
        }
        if (request.available() != null) {
            item.markAvailable(request.available(), now);
        }
        menuItems.update(item);
        return view(item);
    }

    private static NotFoundException unknownRestaurant(UUID id) {
        return new NotFoundException("Restaurant " + id + " not found");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static MenuItemView view(MenuItem item) {
        return new MenuItemView(
                item.getId().value(),
                item.name(),
                item.description(),
                item.price().amount(),
                item.available());
    }
}
