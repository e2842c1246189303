package dev.banyan.catalog.domain;

import org.jmolecules.ddd.types.ValueObject;

/** An amount of money in Korean won. Whole won only; the catalog has no negative amounts. */
public record Krw(long amount) implements ValueObject {

    public static final Krw ZERO = new Krw(0);

    public Krw {
        if (amount < 0) {
            throw new IllegalArgumentException("amount in KRW must not be negative, was " + amount);
        }
    }

    public static Krw of(long amount) {
        return new Krw(amount);
    }
}
