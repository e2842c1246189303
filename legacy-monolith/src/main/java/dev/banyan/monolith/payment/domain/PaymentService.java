package dev.banyan.monolith.payment.domain;

import dev.banyan.monolith.payment.PaymentApi;
import dev.banyan.monolith.payment.PaymentId;
import dev.banyan.monolith.payment.domain.PaymentProvider.ProviderResult;
import dev.banyan.monolith.shared.Ids;
import dev.banyan.monolith.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Payments per order. Provider idempotency keys are {@code order-<orderId>-<operation>}, so however often a step is
 * retried (a client retry, a crash between the provider call and our commit) the provider performs it once.
 */
@Service
@Transactional
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
    public Authorization authorize(UUID orderId, UUID customerId, long amount) {
        Optional<Payment> existing = payments.findByOrder(orderId);
        if (existing.isPresent()) {
            return new Authorization(true, summary(existing.get()), null);
        }
        ProviderResult result = provider.authorize(key(orderId, "authorize"), amount);
        if (!result.approved()) {
            return new Authorization(false, null, result.declineReason());
        }
        Payment payment = Payment.authorized(new PaymentId(Ids.random()), orderId, customerId, amount,
                result.reference(), now());
        payments.add(payment);
        return new Authorization(true, summary(payment), null);
    }

    @Override
    public PaymentSummary capture(UUID orderId) {
        Payment payment = require(orderId);
        payment.capture(now());
        provider.capture(key(orderId, "capture"), payment.authorizationRef(), payment.amount());
        payments.update(payment);
        return summary(payment);
    }

    @Override
    public PaymentSummary cancel(UUID orderId) {
        Payment payment = require(orderId);
        if (payment.status() == PaymentStatus.CAPTURED) {
            payment.refund(now());
            provider.refund(key(orderId, "refund"), payment.authorizationRef(), payment.capturedAmount());
        } else {
            payment.voidAuthorization(now());
            provider.voidAuthorization(key(orderId, "void"), payment.authorizationRef());
        }
        payments.update(payment);
        return summary(payment);
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
        return new PaymentSummary(payment.getId(), payment.orderId(), payment.status().name(), payment.amount(),
                payment.capturedAmount(), payment.refundedAmount());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
