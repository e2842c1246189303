package dev.banyan.monolith.catalog;

import java.util.Optional;

/** What other contexts may ask the catalog. */
public interface CatalogApi {

    /** The restaurant's current menu and whether it takes orders right now; empty when the id is unknown. */
    Optional<RestaurantMenu> findMenu(RestaurantId restaurantId);
}
