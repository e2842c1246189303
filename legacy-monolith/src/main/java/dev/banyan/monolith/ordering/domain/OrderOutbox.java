package dev.banyan.monolith.ordering.domain;

import dev.banyan.monolith.ordering.OrderStatus;

/**
 * The order events that leave the monolith, written to the outbox table in the caller's transaction, so an event
 * exists exactly when the state change it reports was committed. Written for every order, whoever handles its
 * delivery; each carries the order's {@link DeliveryHandler} stamp.
 */
public interface OrderOutbox {

    void accepted(Order order, String pickupAddress);

    void cancellationRequested(Order order);

    void cancelled(Order order, OrderStatus previousStatus);
}
