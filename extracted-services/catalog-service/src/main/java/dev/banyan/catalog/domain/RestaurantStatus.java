package dev.banyan.catalog.domain;

/** The operator's switch: 영업중 (OPEN) or 준비중 (CLOSED). */
public enum RestaurantStatus {
    OPEN,
    CLOSED
}
