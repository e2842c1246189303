package dev.banyan.monolith.delivery;

import java.util.Objects;
import java.util.UUID;

import org.jmolecules.ddd.types.Identifier;

/** Identifies a delivery. */
public record DeliveryId(UUID value) implements Identifier {

    public DeliveryId {
        Objects.requireNonNull(value, "delivery id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
