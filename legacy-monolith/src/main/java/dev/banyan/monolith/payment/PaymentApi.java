package dev.banyan.monolith.payment;

import org.jmolecules.ddd.types.ValueObject;

import java.util.Optional;
import java.util.UUID;

/** What ordering asks of payment. All operations are idempotent per order. */
public interface PaymentApi {

    /**
     * Authorizes {@code amount} won for the order. Calling it again for the same order returns the first result and
     * never charges twice.
     */
    Authorization authorize(UUID orderId, UUID customerId, long amount);

    /** Captures the authorized amount (when the restaurant accepts the order). */
    PaymentSummary capture(UUID orderId);

    /** Gives the money back: voids an authorization, or refunds a captured payment. */
    PaymentSummary cancel(UUID orderId);

    Optional<PaymentSummary> findByOrder(UUID orderId);

    /** The outcome of an authorization; {@code declineReason} is set when the provider declined. */
    record Authorization(boolean approved, PaymentSummary payment, String declineReason) implements ValueObject {
    }

    /** A payment's state as other contexts see it. Amounts in KRW. */
    record PaymentSummary(PaymentId id, UUID orderId, String status, long amount, long capturedAmount,
                          long refundedAmount) implements ValueObject {
    }
}
