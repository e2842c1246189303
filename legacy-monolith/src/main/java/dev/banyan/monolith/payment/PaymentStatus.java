package dev.banyan.monolith.payment;

/** AUTHORIZED → CAPTURED → REFUNDED, or AUTHORIZED → VOIDED. Part of the payment API ({@link PaymentApi}). */
public enum PaymentStatus {
    AUTHORIZED,
    CAPTURED,
    VOIDED,
    REFUNDED
}
