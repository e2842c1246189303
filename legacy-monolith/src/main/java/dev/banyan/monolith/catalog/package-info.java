/**
 * Catalog: restaurants, their categories and opening hours, and menu items with price and availability.
 * <p>
 * Public API (this package): {@link dev.banyan.monolith.catalog.CatalogApi} for other contexts to read a
 * restaurant's current menu, the identifiers, and {@link dev.banyan.monolith.catalog.CatalogImport} for bulk demo
 * data. Everything in sub-packages is internal.
 */
@org.jmolecules.ddd.annotation.BoundedContext(
        id = "catalog",
        name = "Catalog",
        description = "Restaurants, categories, opening hours and menus")
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
@NullMarked
package dev.banyan.monolith.catalog;

import org.jspecify.annotations.NullMarked;
