package dev.banyan.monolith.ordering.domain;

/** PLACED → ACCEPTED → DELIVERED, or CANCELLED from PLACED or from ACCEPTED before pickup. */
public enum OrderStatus {
    PLACED, ACCEPTED, DELIVERED, CANCELLED
}
