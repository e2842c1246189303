package dev.banyan.monolith.catalog;

/** The operator's switch, like 영업중 / 준비중 in a delivery app. Part of the catalog API ({@link RestaurantMenu}). */
public enum RestaurantStatus {
    OPEN,
    CLOSED
}
