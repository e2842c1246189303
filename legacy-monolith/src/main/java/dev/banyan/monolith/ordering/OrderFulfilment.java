package dev.banyan.monolith.ordering;

import java.time.Instant;

/**
 * What the delivery context reports back about an order. Each call runs in the caller's transaction, so a delivery
 * and its order change together or not at all.
 */
public interface OrderFulfilment {

    /** The rider picked the food up; from now on the order can no longer be cancelled. */
    void recordPickup(OrderId orderId, Instant pickedUpAt);

    /** The food was handed over: the order becomes DELIVERED. */
    void markDelivered(OrderId orderId, Instant deliveredAt);
}
