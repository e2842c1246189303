package dev.banyan.monolith.catalog.domain;

/** The operator's switch, like 영업중 / 준비중 in a delivery app. */
public enum RestaurantStatus {
    OPEN, CLOSED
}
