package dev.banyan.catalog.application;

import java.util.List;

import dev.banyan.catalog.domain.OpeningHours;

/** A well-formed request to list a new restaurant; whether its category exists is checked by the use case. */
public record RegisterRestaurant(
        String name,
        String category,
        String phone,
        String address,
        long minimumOrderAmount,
        long deliveryFee,
        List<OpeningHours> openingHours) {

    public RegisterRestaurant {
        openingHours = List.copyOf(openingHours);
    }
}
