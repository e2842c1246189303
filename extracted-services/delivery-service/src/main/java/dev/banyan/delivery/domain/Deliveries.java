package dev.banyan.delivery.domain;

import java.util.Optional;

import org.jmolecules.ddd.types.Repository;

/** All deliveries, at most one per order. */
public interface Deliveries extends Repository<Delivery, DeliveryId> {

    Optional<Delivery> findByOrder(OrderId orderId);

    /**
     * The order's delivery, locked until the end of the calling transaction: every change of one delivery (pickup,
     * completion, cancellation) goes through here, so they happen one after the other and each sees the last one's
     * result.
     */
    Optional<Delivery> lockByOrder(OrderId orderId);

    /**
     * Whether this service created the order's delivery itself (it owns it), rather than holding a copy backfilled
     * from the monolith.
     */
    boolean owns(OrderId orderId);

    /** Inserts, as owned by this service, unless the order has a delivery already; returns whether it was inserted. */
    boolean addIfAbsent(Delivery delivery);

    /** Stores a changed delivery; fails if it was changed since it was read (its version moved on). */
    void update(Delivery delivery);
}
