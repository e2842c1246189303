package dev.banyan.monolith.payment.domain;

import dev.banyan.monolith.payment.PaymentId;
import org.jmolecules.ddd.types.Repository;

import java.util.Optional;
import java.util.UUID;

/** All payments, one per order. */
public interface Payments extends Repository<Payment, PaymentId> {

    Optional<Payment> findByOrder(UUID orderId);

    void add(Payment payment);

    void update(Payment payment);
}
