package dev.banyan.monolith.ordering.domain;

import dev.banyan.monolith.customer.CustomerId;
import dev.banyan.monolith.ordering.OrderId;

import org.jmolecules.ddd.types.ValueObject;

/**
 * A customer's {@code Idempotency-Key} and the order it stands for. The first request with the key claims a random
 * order id; every retry of the same customer with the same key reaches that order.
 */
public record OrderRequest(CustomerId customerId, String idempotencyKey, OrderId orderId, String requestFingerprint)
        implements ValueObject {}
