package dev.banyan.monolith.payment;

import java.util.Optional;
import java.util.UUID;

import dev.banyan.monolith.shared.Krw;

import org.jmolecules.ddd.types.ValueObject;

/**
 * What ordering asks of payment. All operations are idempotent per order. The provider is a remote system, so the
 * methods that talk to it ({@link #authorize}, {@link #release}, {@link #settle}) refuse to run inside a database
 * transaction, and the methods that change a payment ({@link #record}, {@link #capture}, {@link #cancel}) only run
 * inside the caller's: the decision is committed with the order first, the provider is told afterwards.
 */
public interface PaymentApi {

    /**
     * Asks the provider to authorize {@code amount} won for the order (outside any transaction). Calling it again
     * for the same order returns the first result and never charges twice.
     */
    Authorization authorize(UUID orderId, UUID customerId, Krw amount);

    /** Stores an approved authorization in the caller's transaction, next to the order it pays for. */
    PaymentSummary record(Authorization authorization);

    /** Compensation when the order could not be stored: voids the authorization at the provider. */
    void release(Authorization authorization);

    /** Marks the authorized payment captured, in the caller's transaction; {@link #settle} tells the provider. */
    PaymentSummary capture(UUID orderId);

    /**
     * Marks the payment voided (authorized) or refunded (captured), in the caller's transaction; {@link #settle}
     * tells the provider.
     */
    PaymentSummary cancel(UUID orderId);

    /**
     * Brings the provider to the payment's committed state (capture, void or refund), outside any transaction.
     * Repeating it is harmless: every provider call carries the order's idempotency key for that operation.
     */
    void settle(UUID orderId);

    Optional<PaymentSummary> findByOrder(UUID orderId);

    /** The provider's answer to an authorization; {@code reference} is set when approved, {@code declineReason} when not. */
    record Authorization(
            UUID orderId, UUID customerId, Krw amount, boolean approved, String reference, String declineReason)
            implements ValueObject {}

    /** A payment's state as other contexts see it. Amounts in KRW. */
    record PaymentSummary(
            PaymentId id, UUID orderId, PaymentStatus status, Krw amount, Krw capturedAmount, Krw refundedAmount)
            implements ValueObject {}
}
