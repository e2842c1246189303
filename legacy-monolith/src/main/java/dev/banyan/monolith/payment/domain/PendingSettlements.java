package dev.banyan.monolith.payment.domain;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes payment decisions that were committed but never confirmed by the provider (the process died between the
 * commit and the provider call, or the provider failed): every {@code banyan.payment.settlement.retry-every} it
 * settles the payments pending for longer than {@code banyan.payment.settlement.grace}. Provider calls carry the
 * order's idempotency keys, so a retry never performs an operation twice.
 */
@Component
class PendingSettlements {

    private static final Logger log = LoggerFactory.getLogger(PendingSettlements.class);
    private static final int BATCH = 100;

    private final Payments payments;
    private final PaymentService service;
    private final Clock clock;
    private final Duration grace;

    PendingSettlements(
            Payments payments,
            PaymentService service,
            Clock clock,
            @Value("${banyan.payment.settlement.grace:30s}") Duration grace) {
        this.payments = payments;
        this.service = service;
        this.clock = clock;
        this.grace = grace;
    }

    @Scheduled(
            fixedDelayString = "${banyan.payment.settlement.retry-every:10s}",
            initialDelayString = "${banyan.payment.settlement.retry-every:10s}")
    void settlePending() {
        for (UUID orderId : payments.pendingSettlements(clock.instant().minus(grace), BATCH)) {
            try {
                service.settle(orderId);
                log.info("Settled the payment of order {} with the provider after a delay", orderId);
            } catch (RuntimeException e) {
                log.warn("The payment of order {} is still not settled with the provider: {}", orderId, e.getMessage());
            }
        }
    }
}
