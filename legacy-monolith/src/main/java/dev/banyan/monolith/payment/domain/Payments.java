package dev.banyan.monolith.payment.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.banyan.monolith.payment.PaymentId;
import dev.banyan.monolith.payment.PaymentStatus;

import org.jmolecules.ddd.types.Repository;

/** All payments, one per order. */
public interface Payments extends Repository<Payment, PaymentId> {

    Optional<Payment> findByOrder(UUID orderId);

    void add(Payment payment);

    void update(Payment payment);

    /** Clears the pending flag if the payment is still in {@code settled}; false when it moved on meanwhile. */
    boolean markSettled(UUID orderId, PaymentStatus settled);

    /** Orders whose payment has waited for the provider since before {@code changedBefore}, oldest first. */
    List<UUID> pendingSettlements(Instant changedBefore, int limit);
}
