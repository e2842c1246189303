package dev.banyan.monolith.customer;

import java.util.Objects;
import java.util.UUID;

import org.jmolecules.ddd.types.Identifier;

/** Identifies a customer account. */
public record CustomerId(UUID value) implements Identifier {

    public CustomerId {
        Objects.requireNonNull(value, "customer id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
