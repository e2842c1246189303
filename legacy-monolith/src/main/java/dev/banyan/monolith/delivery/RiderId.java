package dev.banyan.monolith.delivery;

import java.util.Objects;
import java.util.UUID;

import org.jmolecules.ddd.types.Identifier;

/** Identifies a rider. */
public record RiderId(UUID value) implements Identifier {

    public RiderId {
        Objects.requireNonNull(value, "rider id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
