package dev.banyan.monolith.ordering.domain;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.banyan.monolith.ordering.OrderId;

import org.springframework.stereotype.Component;

/**
 * Version-1 cancel requests of this instance that wait for the delivery side's answer to a pending cancellation;
 * the saga completes them once the answer is committed.
 */
@Component
class CancellationWaiters {

    private final ConcurrentMap<OrderId, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    /** Registered before the cancellation commits, so an answer that arrives at once is not missed. */
    CompletableFuture<Void> register(OrderId orderId) {
        return waiting.computeIfAbsent(orderId, id -> new CompletableFuture<>());
    }

    void forget(OrderId orderId, CompletableFuture<Void> outcome) {
        waiting.remove(orderId, outcome);
    }

    /** The pending cancellation of the order was decided (and committed). */
    void decided(OrderId orderId) {
        CompletableFuture<Void> outcome = waiting.remove(orderId);
        if (outcome != null) {
            outcome.complete(null);
        }
    }
}
