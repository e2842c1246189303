package dev.banyan.monolith.ordering.domain;

import java.time.Instant;
import java.util.Optional;

import dev.banyan.monolith.customer.CustomerId;
import dev.banyan.monolith.ordering.OrderId;

import org.jmolecules.ddd.types.Repository;

/** All orders. */
public interface Orders extends Repository<Order, OrderId> {

    Optional<Order> findById(OrderId id);

    /** Reads the order and locks it until the transaction ends, so state changes of one order run one at a time. */
    Optional<Order> lockById(OrderId id);

    Optional<OrderRequest> findRequest(CustomerId customerId, String idempotencyKey);

    /**
     * Claims {@code candidate} as the order of the customer's idempotency key, unless an earlier request claimed the
     * key already; returns the claim that holds (committed at once, outside any caller transaction).
     */
    OrderRequest claim(
            CustomerId customerId, String idempotencyKey, OrderId candidate, String requestFingerprint, Instant now);

    void add(Order order);

    void update(Order order);
}
