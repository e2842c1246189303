package dev.banyan.monolith.ordering;

import java.time.Instant;

import dev.banyan.monolith.catalog.RestaurantId;

import org.jmolecules.event.types.DomainEvent;

/** The restaurant accepted the order and starts cooking; a rider is needed from {@code pickupAddress}. */
public record OrderAccepted(
        OrderId orderId, RestaurantId restaurantId, String pickupAddress, String dropOffAddress, Instant acceptedAt)
        implements DomainEvent {}
