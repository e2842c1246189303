package dev.banyan.catalog.application;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One row of the restaurant list. Money in whole KRW. */
@JsonPropertyOrder({"id", "name", "category", "phone", "address", "minimumOrderAmount", "deliveryFee", "status"})
public record RestaurantSummary(
        UUID id,
        String name,
        String category,
        String phone,
        String address,
        long minimumOrderAmount,
        long deliveryFee,
        String status) {}
