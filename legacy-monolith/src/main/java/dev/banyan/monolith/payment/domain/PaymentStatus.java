package dev.banyan.monolith.payment.domain;

/** AUTHORIZED → CAPTURED → REFUNDED, or AUTHORIZED → VOIDED. */
public enum PaymentStatus {
    AUTHORIZED, CAPTURED, VOIDED, REFUNDED
}
