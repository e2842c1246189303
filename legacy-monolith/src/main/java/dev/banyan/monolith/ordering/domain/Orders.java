package dev.banyan.monolith.ordering.domain;

import dev.banyan.monolith.ordering.OrderId;
import org.jmolecules.ddd.types.Repository;

import java.util.Optional;

/** All orders. */
public interface Orders extends Repository<Order, OrderId> {

    Optional<Order> findById(OrderId id);

    /** Reads the order and locks it until the transaction ends, so state changes of one order run one at a time. */
    Optional<Order> lockById(OrderId id);

    Optional<Order> findByIdempotencyKey(String key);

    void add(Order order);

    void update(Order order);
}
