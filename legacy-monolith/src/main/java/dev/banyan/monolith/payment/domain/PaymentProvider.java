package dev.banyan.monolith.payment.domain;

/**
 * The payment provider (a card acquirer or PG). Every call carries an idempotency key: the provider performs an
 * operation once per key and answers repeats with the recorded result.
 */
public interface PaymentProvider {

    ProviderResult authorize(String idempotencyKey, long amount);

    ProviderResult capture(String idempotencyKey, String authorizationRef, long amount);

    ProviderResult voidAuthorization(String idempotencyKey, String authorizationRef);

    ProviderResult refund(String idempotencyKey, String authorizationRef, long amount);

    /** @param reference the provider's authorization reference (null when declined) */
    record ProviderResult(boolean approved, String reference, String declineReason) {}
}
