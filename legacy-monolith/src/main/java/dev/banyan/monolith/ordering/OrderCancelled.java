package dev.banyan.monolith.ordering;

import java.time.Instant;

import org.jmolecules.event.types.DomainEvent;

/** The order was cancelled; {@code previousStatus} says whether a delivery may already exist (ACCEPTED). */
public record OrderCancelled(OrderId orderId, OrderStatus previousStatus, Instant cancelledAt) implements DomainEvent {}
