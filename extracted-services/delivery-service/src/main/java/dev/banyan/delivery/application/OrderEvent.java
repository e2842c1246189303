package dev.banyan.delivery.application;

import java.time.Instant;

import dev.banyan.delivery.domain.OrderId;
import dev.banyan.delivery.domain.RestaurantId;

/** The order events the delivery context reacts to, already validated against their schemas and mapped. */
public sealed interface OrderEvent {

    OrderId orderId();

    record Accepted(
            OrderId orderId, RestaurantId restaurantId, String pickupAddress, String dropOffAddress, Instant acceptedAt)
            implements OrderEvent {}

    record CancellationRequested(OrderId orderId, Instant requestedAt) implements OrderEvent {}

    /** @param previousStatus {@code PLACED}, {@code ACCEPTED} or {@code CANCELLATION_PENDING} */
    record Cancelled(OrderId orderId, String previousStatus, Instant cancelledAt) implements OrderEvent {}
}
