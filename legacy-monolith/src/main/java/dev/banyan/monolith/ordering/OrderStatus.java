package dev.banyan.monolith.ordering;

/**
 * An order's place in its lifecycle: PLACED → ACCEPTED → DELIVERED, or CANCELLED from PLACED or from ACCEPTED before
 * pickup. Part of the ordering API: {@link OrderCancelled} carries the status the order had.
 */
public enum OrderStatus {
    PLACED,
    ACCEPTED,
    DELIVERED,
    CANCELLED
}
