package dev.banyan.catalog.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Queries that answer the read side of the contract straight from the tables. */
public interface CatalogReadModel {

    List<CategoryView> categories();

    /** Restaurants ordered by name, then id; {@code category} null lists all of them. */
    PageView<RestaurantSummary> restaurants(String category, int page, int size);

    Optional<RestaurantDetail> restaurant(UUID id);
}
