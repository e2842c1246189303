package dev.banyan.monolith.delivery.domain;

import java.util.Optional;

import dev.banyan.monolith.delivery.DeliveryId;
import dev.banyan.monolith.ordering.OrderId;

import org.jmolecules.ddd.types.Repository;

/** All deliveries, at most one per order. */
public interface Deliveries extends Repository<Delivery, DeliveryId> {

    Optional<Delivery> findByOrder(OrderId orderId);

    /** Inserts unless the order has a delivery already; returns whether it was inserted. */
    boolean addIfAbsent(Delivery delivery);

    void update(Delivery delivery);
}
