package dev.banyan.catalog.application;

import java.util.UUID;

/** One row of the restaurant list. Money in whole KRW. */
public record RestaurantSummary(UUID id, String name, String category, String phone, String address,
                                long minimumOrderAmount, long deliveryFee, String status) {
}
