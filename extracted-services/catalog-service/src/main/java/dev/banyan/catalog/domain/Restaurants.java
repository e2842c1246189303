package dev.banyan.catalog.domain;

/** All restaurants in the catalog. */
public interface Restaurants {

    boolean exists(RestaurantId id);

    /** Inserts a new restaurant with its opening hours. */
    void add(Restaurant restaurant);
}
