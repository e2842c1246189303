package dev.banyan.catalog.domain;

import java.util.Optional;

/** All restaurants in the catalog. */
public interface Restaurants {

    Optional<Restaurant> findById(RestaurantId id);

    boolean exists(RestaurantId id);

    /** Inserts a new restaurant with its opening hours. */
    void add(Restaurant restaurant);
}
