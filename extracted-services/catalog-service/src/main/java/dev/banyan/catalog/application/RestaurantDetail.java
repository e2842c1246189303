package dev.banyan.catalog.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The summary fields plus opening hours (Monday first), the menu (by name, then id) and the timestamps. */
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
public record RestaurantDetail(
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
        Instant updatedAt) {}
