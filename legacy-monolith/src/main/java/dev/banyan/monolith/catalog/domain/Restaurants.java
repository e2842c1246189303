package dev.banyan.monolith.catalog.domain;

import java.util.List;
import java.util.Optional;

import dev.banyan.monolith.catalog.RestaurantId;

import org.jmolecules.ddd.types.Repository;

/** All restaurants. */
public interface Restaurants extends Repository<Restaurant, RestaurantId> {

    Optional<Restaurant> findById(RestaurantId id);

    boolean exists(RestaurantId id);

    void add(Restaurant restaurant);

    /** Saves a changed restaurant, failing with an optimistic-locking error if someone else changed it first. */
    void update(Restaurant restaurant);

    /** One page ordered by name (code-point order) then id; {@code categoryCode} null means every category. */
    List<Restaurant> page(String categoryCode, int page, int size);

    long count(String categoryCode);
}
