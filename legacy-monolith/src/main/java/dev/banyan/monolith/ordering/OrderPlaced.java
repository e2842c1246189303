package dev.banyan.monolith.ordering;

import java.time.Instant;

import dev.banyan.monolith.catalog.RestaurantId;
import dev.banyan.monolith.customer.CustomerId;
import dev.banyan.monolith.shared.Krw;

import org.jmolecules.event.types.DomainEvent;

/** A customer placed an order and its payment was authorized. */
public record OrderPlaced(
        OrderId orderId, CustomerId customerId, RestaurantId restaurantId, Krw total, Instant placedAt)
        implements DomainEvent {}
