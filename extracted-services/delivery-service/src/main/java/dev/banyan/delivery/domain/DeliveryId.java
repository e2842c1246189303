package dev.banyan.delivery.domain;

import java.util.Objects;
import java.util.UUID;

import org.jmolecules.ddd.types.Identifier;

/** Identifies a delivery. */
public record DeliveryId(UUID value) implements Identifier {

    public DeliveryId {
        Objects.requireNonNull(value, "DeliveryId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
