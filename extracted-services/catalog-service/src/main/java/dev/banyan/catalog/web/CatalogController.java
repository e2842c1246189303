package dev.banyan.catalog.web;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.banyan.catalog.application.AddMenuItem;
import dev.banyan.catalog.application.CatalogService;
import dev.banyan.catalog.application.CategoryView;
import dev.banyan.catalog.application.ChangeMenuItem;
import dev.banyan.catalog.application.MenuItemView;
import dev.banyan.catalog.application.PageView;
import dev.banyan.catalog.application.RegisterRestaurant;
import dev.banyan.catalog.application.RestaurantDetail;
import dev.banyan.catalog.application.RestaurantSummary;
import dev.banyan.catalog.domain.OpeningHours;
import dev.banyan.http.request.FieldError;
import dev.banyan.http.request.InvalidInputException;
import dev.banyan.http.request.JsonRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
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

/** {@code /api/categories} and {@code /api/restaurants/**}, exactly as the monolith serves them. */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class CatalogController {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,9}");
    private static final String DAYS = "MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY";
    private static final int DEFAULT_PAGE = 0;
    private static final int DEFAULT_PAGE_SIZE = 20;

    private final CatalogService catalog;

    CatalogController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/categories")
    List<CategoryView> categories() {
        return catalog.categories();
    }

    @GetMapping("/restaurants")
    PageView<RestaurantSummary> restaurants(
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        List<FieldError> problems = new ArrayList<>();
        Integer pageNumber = integerParameter("page", page, DEFAULT_PAGE, problems);
        Integer pageSize = integerParameter("size", size, DEFAULT_PAGE_SIZE, problems);
        if (pageNumber != null && pageNumber < 0) {
            problems.add(new FieldError("page", "must be greater than or equal to 0"));
        }
        if (pageSize != null && (pageSize < 1 || pageSize > CatalogService.MAX_PAGE_SIZE)) {
            problems.add(new FieldError("size", "must be between 1 and " + CatalogService.MAX_PAGE_SIZE));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String filter = category == null || category.isBlank() ? null : category;
        return catalog.restaurants(filter, pageNumber, pageSize);
    }

    @GetMapping("/restaurants/{id}")
    RestaurantDetail restaurant(@PathVariable String id) {
        return catalog.restaurant(uuid(id, "id"));
    }

    @PostMapping(path = "/restaurants", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RestaurantDetail> register(@RequestBody JsonNode body) {
        RestaurantDetail created = catalog.register(JsonRequest.read(body, this::registerRestaurant));
        return ResponseEntity.created(URI.create("/api/restaurants/" + created.id()))
                .body(created);
    }

    @PostMapping(path = "/restaurants/{id}/menu-items", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MenuItemView> addMenuItem(@PathVariable String id, @RequestBody JsonNode body) {
        UUID restaurantId = uuid(id, "id");
        AddMenuItem request = JsonRequest.read(body, json -> {
            String name = json.requiredText("name");
            String description = json.optionalText("description");
            Long price = json.requiredLong("price", 0);
            Boolean available = json.optionalBoolean("available");
            return json.isValid() ? new AddMenuItem(name, description, price, available == null || available) : null;
        });
        MenuItemView created = catalog.addMenuItem(restaurantId, request);
        return ResponseEntity.created(URI.create("/api/restaurants/" + restaurantId + "/menu-items/" + created.id()))
                .body(created);
    }

    @PutMapping(path = "/restaurants/{id}/menu-items/{itemId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    MenuItemView changeMenuItem(@PathVariable String id, @PathVariable String itemId, @RequestBody JsonNode body) {
        List<FieldError> pathProblems = new ArrayList<>();
        UUID restaurantId = uuid(id, "id", pathProblems);
        UUID menuItemId = uuid(itemId, "itemId", pathProblems);
        if (!pathProblems.isEmpty()) {
            throw new InvalidInputException(pathProblems);
        }
        ChangeMenuItem change = JsonRequest.read(body, json -> {
            Long price = json.optionalLong("price", 0);
            Boolean available = json.optionalBoolean("available");
            if (json.isValid() && !json.has("price") && !json.has("available")) {
                json.reject("body", "must contain price or available");
            }
            return new ChangeMenuItem(price, available);
        });
        return catalog.changeMenuItem(restaurantId, menuItemId, change);
    }

    /** The body of {@code POST /api/restaurants}; null when a field was rejected. */
    private RegisterRestaurant registerRestaurant(JsonRequest json) {
        String name = json.requiredText("name");
        String category = json.requiredText("category");
        String phone = json.optionalText("phone");
        String address = json.requiredText("address");
        Long minimumOrderAmount = json.requiredLong("minimumOrderAmount", 0);
        Long deliveryFee = json.requiredLong("deliveryFee", 0);
        List<OpeningHours> openingHours = openingHours(json);
        if (category != null && !catalog.categoryExists(category)) {
            json.reject("category", "unknown category '" + category + "'");
        }
        return json.isValid()
                ? new RegisterRestaurant(name, category, phone, address, minimumOrderAmount, deliveryFee, openingHours)
                : null;
    }

    private static List<OpeningHours> openingHours(JsonRequest json) {
        List<OpeningHours> hours = new ArrayList<>();
        Set<DayOfWeek> seen = EnumSet.noneOf(DayOfWeek.class);
        for (JsonRequest entry : json.optionalObjects("openingHours")) {
            DayOfWeek day = day(entry);
            if (day != null && !seen.add(day)) {
                entry.reject("day", "duplicates " + day);
                day = null;
            }
            LocalTime opens = time(entry, "opens");
            LocalTime closes = time(entry, "closes");
            if (day != null && opens != null && closes != null) {
                hours.add(new OpeningHours(day, opens, closes));
            }
        }
        return hours;
    }

    private static @Nullable DayOfWeek day(JsonRequest entry) {
        String text = entry.requiredText("day");
        if (text == null) {
            return null;
        }
        try {
            return DayOfWeek.valueOf(text);
        } catch (IllegalArgumentException e) {
            entry.reject("day", "must be one of " + DAYS);
            return null;
        }
    }

    /** "HH:mm" on a 24-hour clock, nothing else (no seconds, no "24:00"). */
    private static @Nullable LocalTime time(JsonRequest entry, String name) {
        String text = entry.requiredText(name);
        if (text == null) {
            return null;
        }
        if (!TIME.matcher(text).matches()) {
            entry.reject(name, "must be a time in HH:mm format");
            return null;
        }
        return LocalTime.parse(text);
    }

    /** A decimal integer of at most nine digits; absent means the default. */
    private static @Nullable Integer integerParameter(
            String name, String value, int defaultValue, List<FieldError> problems) {
        if (value == null) {
            return defaultValue;
        }
        if (!INTEGER.matcher(value.trim()).matches()) {
            problems.add(new FieldError(name, "must be an integer"));
            return null;
        }
        return Integer.parseInt(value.trim());
    }

    private static UUID uuid(String value, String field) {
        return JsonRequest.uuid(value, field);
    }

    private static @Nullable UUID uuid(@Nullable String value, String field, List<FieldError> problems) {
        if (value == null || !UUID_TEXT.matcher(value).matches()) {
            problems.add(new FieldError(field, "must be a UUID"));
            return null;
        }
        return UUID.fromString(value);
    }
}
