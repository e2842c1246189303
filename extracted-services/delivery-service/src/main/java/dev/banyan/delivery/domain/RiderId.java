package dev.banyan.delivery.domain;

import java.util.Objects;
import java.util.UUID;

import org.jmolecules.ddd.types.Identifier;

/** Identifies a rider. */
public record RiderId(UUID value) implements Identifier {

    public RiderId {
        Objects.requireNonNull(value, "RiderId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
