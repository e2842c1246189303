package dev.banyan.monolith.payment.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import dev.banyan.monolith.payment.PaymentApi;
import dev.banyan.monolith.payment.PaymentId;
import dev.banyan.monolith.payment.PaymentStatus;
import dev.banyan.monolith.payment.domain.PaymentProvider.ProviderResult;
import dev.banyan.monolith.shared.Ids;
import dev.banyan.monolith.shared.Krw;
import dev.banyan.monolith.shared.NotFoundException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments per order. Provider idempotency keys are {@code order-<orderId>-<operation>}, so however often a step is
 * retried (a client retry, a crash between the provider call and our commit) the provider performs it once.
 * Provider calls never run inside a database transaction ({@link Propagation#NEVER}): a remote call must not hold a
 * pooled connection while it waits, and a transaction that rolls back cannot take back what the provider did.
 */
@Service
public class PaymentService implements PaymentApi {

    private final Payments payments;
    private final PaymentProvider provider;
    private final Clock clock;

    PaymentService(Payments payments, PaymentProvider provider, Clock clock) {
        this.payments = payments;
        this.provider = provider;
        this.clock = clock;
    }

    static String key(UUID orderId, String operation) {
        return "order-" + orderId + "-" + operation;
    }

    @Override
    @Transactional(propagation = Propagation.NEVER)
    public Authorization authorize(UUID orderId, UUID customerId, Krw amount) {
        Optional<Payment> existing = payments.findByOrder(orderId);
        if (existing.isPresent() && existing.get().status() == PaymentStatus.VOIDED) {
            return new Authorization(
                    orderId,
                    customerId,
                    amount,
                    false,
                    null,
                    "the authorization for order "
                            + orderId + " was voided after an earlier attempt failed; send the order again with a new "
                            + "Idempotency-Key");
        }
        ProviderResult result = provider.authorize(key(orderId, "authorize"), amount.amount());
        return new Authorization(
                orderId, customerId, amount, result.approved(), result.reference(), result.declineReason());
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public PaymentSummary record(Authorization authorization) {
        if (!authorization.approved()) {
            throw new IllegalArgumentException("Only an approved authorization can be recorded, order "
                    + authorization.orderId() + " was declined");
        }
        Payment payment = Payment.authorized(
                new PaymentId(Ids.random()),
                authorization.orderId(),
                authorization.customerId(),
                authorization.amount().amount(),
                authorization.reference(),
                now());
        payments.add(payment);
        return summary(payment);
    }

    @Override
    @Transactional(propagation = Propagation.NEVER)
    public void release(Authorization authorization) {
        provider.voidAuthorization(key(authorization.orderId(), "void"), authorization.reference());
        // Remembered so that a retry of the same order is not answered with the voided authorization.
        Payment voided = Payment.authorized(
                new PaymentId(Ids.random()),
                authorization.orderId(),
                authorization.customerId(),
                authorization.amount().amount(),
                authorization.reference(),
                now());
        voided.voidAuthorization(now());
        voided.settled();
        try {
            payments.add(voided);
        } catch (DuplicateKeyException alreadyStored) {
            // the order's payment exists after all; the void above is what the provider now knows
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public PaymentSummary capture(UUID orderId) {
        Payment payment = require(orderId);
        payment.capture(now());
        payments.update(payment);
        return summary(payment);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public PaymentSummary cancel(UUID orderId) {
        Payment payment = require(orderId);
        if (payment.status() == PaymentStatus.CAPTURED) {
            payment.refund(now());
        } else {
            payment.voidAuthorization(now());
        }
        payments.update(payment);
        return summary(payment);
    }

    @Override
    @Transactional(propagation = Propagation.NEVER)
    public void settle(UUID orderId) {
        Payment payment = require(orderId);
        if (!payment.settlementPending()) {
            return;
        }
        switch (payment.status()) {
            case AUTHORIZED -> {}
            case CAPTURED -> provider.capture(key(orderId, "capture"), payment.authorizationRef(), payment.amount());
            case VOIDED -> provider.voidAuthorization(key(orderId, "void"), payment.authorizationRef());
            case REFUNDED -> {
                // A refund presupposes the capture; repeating it is answered from the provider's record.
                provider.capture(key(orderId, "capture"), payment.authorizationRef(), payment.capturedAmount());
                provider.refund(key(orderId, "refund"), payment.authorizationRef(), payment.refundedAmount());
            }
        }
        // If the payment moved on meanwhile (a refund after this capture), it stays pending for that step.
        payments.markSettled(orderId, payment.status());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PaymentSummary> findByOrder(UUID orderId) {
        return payments.findByOrder(orderId).map(PaymentService::summary);
    }

    private Payment require(UUID orderId) {
        return payments.findByOrder(orderId)
                .orElseThrow(() -> new NotFoundException("No payment for order " + orderId));
    }

    private static PaymentSummary summary(Payment payment) {
        return new PaymentSummary(
                payment.getId(),
                payment.orderId(),
                payment.status(),
                Krw.of(payment.amount()),
                Krw.of(payment.capturedAmount()),
                Krw.of(payment.refundedAmount()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
