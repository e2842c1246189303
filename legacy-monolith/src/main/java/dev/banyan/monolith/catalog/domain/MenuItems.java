package dev.banyan.monolith.catalog.domain;

import java.util.List;
import java.util.Optional;

import dev.banyan.monolith.catalog.MenuItemId;
import dev.banyan.monolith.catalog.RestaurantId;

import org.jmolecules.ddd.types.Repository;

/** All menu items. */
public interface MenuItems extends Repository<MenuItem, MenuItemId> {

    Optional<MenuItem> findById(MenuItemId id);

    /** The restaurant's menu ordered by name (code-point order) then id. */
    List<MenuItem> menuOf(RestaurantId restaurantId);

    void add(MenuItem item);

    void update(MenuItem item);
}
