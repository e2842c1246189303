package dev.banyan.monolith.payment;

import java.util.Objects;
import java.util.UUID;

import org.jmolecules.ddd.types.Identifier;

/** Identifies a payment. */
public record PaymentId(UUID value) implements Identifier {

    public PaymentId {
        Objects.requireNonNull(value, "payment id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
