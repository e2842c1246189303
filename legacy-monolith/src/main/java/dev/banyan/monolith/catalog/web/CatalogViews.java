package dev.banyan.monolith.catalog.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import dev.banyan.monolith.catalog.domain.Category;
import dev.banyan.monolith.catalog.domain.MenuItem;
import dev.banyan.monolith.catalog.domain.OpeningHours;
import dev.banyan.monolith.catalog.domain.Restaurant;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The JSON shapes of the catalog HTTP contract (field order fixed, nulls written as null). */
final class CatalogViews {

    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private CatalogViews() {}

    @JsonPropertyOrder({"code", "name"})
    record CategoryView(String code, String name) {
        static CategoryView of(Category category) {
            return new CategoryView(category.code(), category.name());
        }
    }

    @JsonPropertyOrder({"id", "name", "category", "phone", "address", "minimumOrderAmount", "deliveryFee", "status"})
    record RestaurantSummary(
            UUID id,
            String name,
            String category,
            String phone,
            String address,
            long minimumOrderAmount,
            long deliveryFee,
            String status) {
        static RestaurantSummary of(Restaurant r) {
            return new RestaurantSummary(
                    r.getId().value(),
                    r.name(),
                    r.categoryCode(),
                    r.phone(),
                    r.address(),
                    r.minimumOrderAmount(),
                    r.deliveryFee(),
                    r.status().name());
        }
    }

    @JsonPropertyOrder({
        "id",
        "name",
        "category",
        "phone",
        "address",
        "minimumOrderAmount",
        "deliveryFee",
        "status",
        "openingHours",
        "menu",
        "createdAt",
        "updatedAt"
    })
    record RestaurantDetail(
            UUID id,
            String name,
            String category,
            String phone,
            String address,
            long minimumOrderAmount,
            long deliveryFee,
            String status,
            List<OpeningHoursView> openingHours,
            List<MenuItemView> menu,
            Instant createdAt,
            Instant updatedAt) {
        static RestaurantDetail of(Restaurant r, List<MenuItem> menu) {
            return new RestaurantDetail(
                    r.getId().value(),
                    r.name(),
                    r.categoryCode(),
                    r.phone(),
                    r.address(),
                    r.minimumOrderAmount(),
                    r.deliveryFee(),
                    r.status().name(),
                    r.openingHours().stream().map(OpeningHoursView::of).toList(),
                    menu.stream().map(MenuItemView::of).toList(),
                    r.createdAt(),
                    r.updatedAt());
        }
    }

    @JsonPropertyOrder({"day", "opens", "closes"})
    record OpeningHoursView(String day, String opens, String closes) {
        static OpeningHoursView of(OpeningHours hours) {
            return new OpeningHoursView(hours.day().name(), HH_MM.format(hours.opens()), HH_MM.format(hours.closes()));
        }
    }

    @JsonPropertyOrder({"id", "name", "description", "price", "available"})
    record MenuItemView(UUID id, String name, String description, long price, boolean available) {
        static MenuItemView of(MenuItem item) {
            return new MenuItemView(
                    item.getId().value(), item.name(), item.description(), item.price(), item.available());
        }
    }

    @JsonPropertyOrder({"content", "page", "size", "totalElements", "totalPages"})
    record PageView<T>(List<T> content, int page, int size, long totalElements, long totalPages) {}
}
