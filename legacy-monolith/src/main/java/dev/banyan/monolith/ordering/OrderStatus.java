package dev.banyan.monolith.ordering;

/**
 * An order's place in its lifecycle: PLACED → ACCEPTED → DELIVERED, or CANCELLED from PLACED or from ACCEPTED before
 * pickup. An ACCEPTED order whose delivery the delivery-service handles passes through CANCELLATION_PENDING until
 * the service confirms (CANCELLED) or refuses (back to ACCEPTED, picked up). Part of the ordering API:
 * {@link OrderCancelled} carries the status the order had.
 */
public enum OrderStatus {
    PLACED,
    ACCEPTED,
    /** The customer cancelled; the delivery-service has not yet said whether the rider picked the food up first. */
    CANCELLATION_PENDING,
    DELIVERED,
    CANCELLED
}
