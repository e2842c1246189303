package dev.banyan.delivery.domain;

/** ASSIGNED → PICKED_UP → DELIVERED, or CANCELLED before pickup. */
public enum DeliveryStatus {
    ASSIGNED,
    PICKED_UP,
    DELIVERED,
    CANCELLED
}
