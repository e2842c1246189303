package dev.banyan.monolith.ordering;

import org.jmolecules.event.types.DomainEvent;

import java.time.Instant;

/** The order was cancelled; {@code previousStatus} says whether a delivery may already exist (ACCEPTED). */
public record OrderCancelled(OrderId orderId, OrderStatus previousStatus, Instant cancelledAt) implements DomainEvent {
}
