package dev.banyan.monolith.payment.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dev.banyan.monolith.payment.PaymentId;
import dev.banyan.monolith.payment.PaymentStatus;
import dev.banyan.monolith.shared.IllegalTransitionException;

import org.jmolecules.ddd.types.AggregateRoot;

/**
 * The money side of one order: an authorization at the provider when the order is placed, captured when the
 * restaurant accepts it; voided if the order is cancelled before that, refunded if it is cancelled after. Each state
 * change is committed first and leaves the payment {@linkplain #settlementPending() pending} until the provider has
 * performed it.
 */
public class Payment implements AggregateRoot<Payment, PaymentId> {

    private final PaymentId id;
    private final UUID orderId;
    private final UUID customerId;
    private final long amount;
    private final String authorizationRef;
    private PaymentStatus status;
    private long capturedAmount;
    private long refundedAmount;
    private boolean settlementPending;
    private final Instant createdAt;
    private Instant updatedAt;
    private final long version;

    public Payment(
            PaymentId id,
            UUID orderId,
            UUID customerId,
            long amount,
            String authorizationRef,
            PaymentStatus status,
            long capturedAmount,
            long refundedAmount,
            boolean settlementPending,
            Instant createdAt,
            Instant updatedAt,
            long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.orderId = Objects.requireNonNull(orderId, "orderId");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        if (amount <= 0) {
            throw new IllegalArgumentException("a payment amount must be positive, was " + amount);
        }
        this.amount = amount;
        this.authorizationRef = Objects.requireNonNull(authorizationRef, "authorizationRef");
        this.status = Objects.requireNonNull(status, "status");
        this.capturedAmount = capturedAmount;
        this.refundedAmount = refundedAmount;
        this.settlementPending = settlementPending;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    public static Payment authorized(
            PaymentId id, UUID orderId, UUID customerId, long amount, String authorizationRef, Instant now) {
        return new Payment(
                id, orderId, customerId, amount, authorizationRef, PaymentStatus.AUTHORIZED, 0, 0, false, now, now, 0);
    }

    public void capture(Instant now) {
        require(PaymentStatus.AUTHORIZED, "captured");
        status = PaymentStatus.CAPTURED;
        capturedAmount = amount;
        settlementPending = true;
        updatedAt = now;
    }

    /** Releases the authorization; the customer is never charged. */
    public void voidAuthorization(Instant now) {
        require(PaymentStatus.AUTHORIZED, "voided");
        status = PaymentStatus.VOIDED;
        settlementPending = true;
        updatedAt = now;
    }

    public void refund(Instant now) {
        require(PaymentStatus.CAPTURED, "refunded");
        status = PaymentStatus.REFUNDED;
        refundedAmount = capturedAmount;
        settlementPending = true;
        updatedAt = now;
    }

    /** The provider has performed the current state. */
    public void settled() {
        settlementPending = false;
    }

    private void require(PaymentStatus expected, String action) {
        if (status != expected) {
            throw new IllegalTransitionException(
                    status.name(),
                    "Payment " + id + " of order " + orderId + " is " + status + "; only a " + expected
                            + " payment can be " + action);
        }
    }

    @Override
    public PaymentId getId() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    public UUID customerId() {
        return customerId;
    }

    public long amount() {
        return amount;
    }

    public String authorizationRef() {
        return authorizationRef;
    }

    public PaymentStatus status() {
        return status;
    }

    public long capturedAmount() {
        return capturedAmount;
    }

    public long refundedAmount() {
        return refundedAmount;
    }

    /** True from a state change until the provider has confirmed it (see {@code PaymentService#settle}). */
    public boolean settlementPending() {
        return settlementPending;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
