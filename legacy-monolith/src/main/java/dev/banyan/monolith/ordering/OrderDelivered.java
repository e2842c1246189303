package dev.banyan.monolith.ordering;

import java.time.Instant;

import org.jmolecules.event.types.DomainEvent;

/** The food reached the customer. */
public record OrderDelivered(OrderId orderId, Instant deliveredAt) implements DomainEvent {}
