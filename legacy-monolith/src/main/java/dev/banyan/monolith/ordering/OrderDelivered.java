package dev.banyan.monolith.ordering;

import org.jmolecules.event.types.DomainEvent;

import java.time.Instant;

/** The food reached the customer. */
public record OrderDelivered(OrderId orderId, Instant deliveredAt) implements DomainEvent {
}
