package dev.banyan.delivery.domain;

import java.util.Objects;
import java.util.UUID;

import org.jmolecules.ddd.types.Identifier;

/** Identifies an order of the monolith's ordering context; the delivery context refers to orders by id only. */
public record OrderId(UUID value) implements Identifier {

    public OrderId {
        Objects.requireNonNull(value, "OrderId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
