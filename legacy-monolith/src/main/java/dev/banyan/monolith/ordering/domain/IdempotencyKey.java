package dev.banyan.monolith.ordering.domain;

import org.jmolecules.ddd.types.ValueObject;

/**
 * A customer's {@code Idempotency-Key} for placing an order: 1 to {@value #MAX_LENGTH} characters, not blank. The
 * same key with the same request answers the order created first; with another request it is refused.
 */
public record IdempotencyKey(String value) implements ValueObject {

    public static final int MAX_LENGTH = 200;

    public IdempotencyKey {
        String violation = violation(value);
        if (violation != null) {
            throw new IllegalArgumentException("Idempotency-Key " + violation);
        }
    }

    /** Why {@code value} cannot be a key, or null when it can. */
    public static String violation(String value) {
        return value == null || value.isBlank() || value.length() > MAX_LENGTH
                ? "must be 1 to " + MAX_LENGTH + " non-blank characters"
                : null;
    }

    @Override
    public String toString() {
        return value;
    }
}
