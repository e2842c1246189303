package dev.banyan.monolith.catalog.web;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.banyan.http.request.FieldError;
import dev.banyan.http.request.InvalidInputException;
import dev.banyan.http.request.JsonRequest;
import dev.banyan.monolith.catalog.MenuItemId;
import dev.banyan.monolith.catalog.RestaurantId;
import dev.banyan.monolith.catalog.domain.CatalogService;
import dev.banyan.monolith.catalog.domain.CatalogService.NewRestaurant;
import dev.banyan.monolith.catalog.domain.CatalogService.RestaurantPage;
import dev.banyan.monolith.catalog.domain.CatalogService.RestaurantWithMenu;
import dev.banyan.monolith.catalog.domain.MenuItem;
import dev.banyan.monolith.catalog.domain.OpeningHours;
import dev.banyan.monolith.catalog.web.CatalogViews.CategoryView;
import dev.banyan.monolith.catalog.web.CatalogViews.MenuItemView;
import dev.banyan.monolith.catalog.web.CatalogViews.PageView;
import dev.banyan.monolith.catalog.web.CatalogViews.RestaurantDetail;
import dev.banyan.monolith.catalog.web.CatalogViews.RestaurantSummary;
import dev.banyan.monolith.shared.Ids;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The catalog HTTP contract, served identically by the extracted catalog-service. Request bodies are read as JSON
 * trees and checked strictly so every field error is reported with its JSON path.
 */
@RestController
@RequestMapping(produces = "application/json")
class CatalogController {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,9}");
    private static final String DAYS = "MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY";

    private final CatalogService catalog;

    CatalogController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/categories")
    List<CategoryView> categories() {
        return catalog.categories().stream().map(CategoryView::of).toList();
    }

    @GetMapping("/api/restaurants")
    PageView<RestaurantSummary> restaurants(
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        List<FieldError> errors = new ArrayList<>();
        Integer pageNumber = integerParameter("page", page, 0, errors);
        Integer pageSize = integerParameter("size", size, DEFAULT_PAGE_SIZE, errors);
        if (pageNumber != null && pageNumber < 0) {
            errors.add(new FieldError("page", "must be greater than or equal to 0"));
        }
        if (pageSize != null && (pageSize < 1 || pageSize > MAX_PAGE_SIZE)) {
            errors.add(new FieldError("size", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String categoryFilter = category == null || category.isBlank() ? null : category;
        RestaurantPage result = catalog.restaurants(categoryFilter, pageNumber, pageSize);
        long totalPages = (result.totalElements() + pageSize - 1) / pageSize;
        return new PageView<>(
                result.content().stream().map(RestaurantSummary::of).toList(),
                pageNumber,
                pageSize,
                result.totalElements(),
                totalPages);
    }

    @GetMapping("/api/restaurants/{id}")
    RestaurantDetail restaurant(@PathVariable String id) {
        RestaurantWithMenu found = catalog.restaurant(new RestaurantId(Ids.parse(id, "id")));
        return RestaurantDetail.of(found.restaurant(), found.menu());
    }

    @PostMapping(path = "/api/restaurants", consumes = "application/json")
    ResponseEntity<RestaurantDetail> register(@RequestBody JsonNode json) {
        RestaurantWithMenu created = catalog.register(JsonRequest.read(json, this::newRestaurant));
        return ResponseEntity.created(
                        URI.create("/api/restaurants/" + created.restaurant().getId()))
                .body(RestaurantDetail.of(created.restaurant(), created.menu()));
    }

    @PostMapping(path = "/api/restaurants/{id}/menu-items", consumes = "application/json")
    ResponseEntity<MenuItemView> addMenuItem(@PathVariable String id, @RequestBody JsonNode json) {
        RestaurantId restaurantId = new RestaurantId(Ids.parse(id, "id"));
        NewMenuItem request = JsonRequest.read(json, body -> {
            String name = body.requiredText("name");
            String description = body.optionalText("description");
            Long price = body.requiredLong("price", 0);
            Boolean available = body.optionalBoolean("available");
            return body.isValid() ? new NewMenuItem(name, description, price, available == null || available) : null;
        });
        MenuItem item = catalog.addMenuItem(
                restaurantId, request.name(), request.description(), request.price(), request.available());
        return ResponseEntity.created(URI.create("/api/restaurants/" + restaurantId + "/menu-items/" + item.getId()))
                .body(MenuItemView.of(item));
    }

    @PutMapping(path = "/api/restaurants/{id}/menu-items/{itemId}", consumes = "application/json")
    MenuItemView changeMenuItem(@PathVariable String id, @PathVariable String itemId, @RequestBody JsonNode json) {
        List<FieldError> pathErrors = new ArrayList<>();
        UUID restaurantUuid = pathId(id, "id", pathErrors);
        UUID itemUuid = pathId(itemId, "itemId", pathErrors);
        if (!pathErrors.isEmpty()) {
            throw new InvalidInputException(pathErrors);
        }
        RestaurantId restaurantId = new RestaurantId(restaurantUuid);
        MenuItemId menuItemId = new MenuItemId(itemUuid);
        MenuItemChange change = JsonRequest.read(json, body -> {
            Long price = body.optionalLong("price", 0);
            Boolean available = body.optionalBoolean("available");
            if (body.isValid() && !body.has("price") && !body.has("available")) {
                body.reject("body", "must contain price or available");
            }
            return new MenuItemChange(price, available);
        });
        return MenuItemView.of(catalog.changeMenuItem(restaurantId, menuItemId, change.price(), change.available()));
    }

    /** The body of {@code POST /api/restaurants}; null when a field was rejected. */
    private NewRestaurant newRestaurant(JsonRequest body) {
        String name = body.requiredText("name");
        String category = body.requiredText("category");
        String phone = body.optionalText("phone");
        String address = body.requiredText("address");
        Long minimumOrderAmount = body.requiredLong("minimumOrderAmount", 0);
        Long deliveryFee = body.requiredLong("deliveryFee", 0);
        List<OpeningHours> hours = openingHours(body);
        if (category != null && !catalog.categoryExists(category)) {
            body.reject("category", "unknown category '" + category + "'");
        }
        return body.isValid()
                ? new NewRestaurant(name, category, phone, address, minimumOrderAmount, deliveryFee, hours)
                : null;
    }

    /** The body of {@code POST .../menu-items}; {@code available} defaults to true. */
    record NewMenuItem(String name, String description, long price, boolean available) {}

    /** The body of {@code PUT .../menu-items/{itemId}}: a new price, availability, or both. */
    record MenuItemChange(Long price, Boolean available) {}

    /** Parses a path id, collecting the error instead of throwing so that both ids of a path are reported. */
    private static @Nullable UUID pathId(String value, String field, List<FieldError> errors) {
        try {
            return Ids.parse(value, field);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    private static @Nullable Integer integerParameter(
            String name, String value, int defaultValue, List<FieldError> errors) {
        if (value == null) {
            return defaultValue;
        }
        if (!INTEGER.matcher(value.trim()).matches()) {
            errors.add(new FieldError(name, "must be an integer"));
            return null;
        }
        return Integer.parseInt(value.trim());
    }

    private static List<OpeningHours> openingHours(JsonRequest body) {
        List<OpeningHours> result = new ArrayList<>();
        Set<DayOfWeek> seen = EnumSet.noneOf(DayOfWeek.class);
        for (JsonRequest entry : body.optionalObjects("openingHours")) {
            String dayText = entry.requiredText("day");
            DayOfWeek day = null;
            if (dayText != null) {
                try {
                    day = DayOfWeek.valueOf(dayText);
                } catch (IllegalArgumentException e) {
                    entry.reject("day", "must be one of " + DAYS);
                }
            }
            if (day != null && !seen.add(day)) {
                entry.reject("day", "duplicates " + day);
                day = null;
            }
            LocalTime opens = time(entry, "opens");
            LocalTime closes = time(entry, "closes");
            if (day != null && opens != null && closes != null) {
                result.add(new OpeningHours(day, opens, closes));
            }
        }
        return result;
    }

    private static @Nullable LocalTime time(JsonRequest entry, String field) {
        String text = entry.requiredText(field);
        if (text == null) {
            return null;
        }
        if (!TIME.matcher(text).matches()) {
            entry.reject(field, "must be a time in HH:mm format");
            return null;
        }
        return LocalTime.parse(text);
    }
}
