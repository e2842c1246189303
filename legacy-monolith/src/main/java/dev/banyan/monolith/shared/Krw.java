package dev.banyan.monolith.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jmolecules.ddd.types.ValueObject;

/**
 * An amount of money in Korean won: whole won, never negative, at most {@link Long#MAX_VALUE}. Arithmetic is checked:
 * a result that does not fit throws {@link ArithmeticException} instead of wrapping around to a small or negative
 * amount. Written to JSON as the bare number of won.
 */
public record Krw(@JsonValue long amount) implements ValueObject, Comparable<Krw> {

    public static final Krw ZERO = new Krw(0);

    public Krw {
        if (amount < 0) {
            throw new IllegalArgumentException("an amount in KRW must not be negative, was " + amount);
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Krw of(long amount) {
        return new Krw(amount);
    }

    /** @throws ArithmeticException if the sum exceeds {@link Long#MAX_VALUE} won */
    public Krw plus(Krw other) {
        return new Krw(Math.addExact(amount, other.amount));
    }

    /** @throws ArithmeticException if the product exceeds {@link Long#MAX_VALUE} won */
    public Krw times(int quantity) {
        if (quantity < 0) {
            throw new IllegalArgumentException("a quantity must not be negative, was " + quantity);
        }
        return new Krw(Math.multiplyExact(amount, quantity));
    }

    /** @throws IllegalArgumentException if {@code other} is larger (amounts are never negative) */
    public Krw minus(Krw other) {
        if (other.amount > amount) {
            throw new IllegalArgumentException(amount + " KRW minus " + other.amount + " KRW would be negative");
        }
        return new Krw(amount - other.amount);
    }

    public boolean isLessThan(Krw other) {
        return amount < other.amount;
    }

    public boolean isGreaterThan(Krw other) {
        return amount > other.amount;
    }

    @Override
    public int compareTo(Krw other) {
        return Long.compare(amount, other.amount);
    }

    @Override
    public String toString() {
        return amount + " KRW";
    }
}
