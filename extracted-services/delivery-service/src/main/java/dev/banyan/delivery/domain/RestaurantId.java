package dev.banyan.delivery.domain;

import java.util.Objects;
import java.util.UUID;

import org.jmolecules.ddd.types.Identifier;

/** Identifies the restaurant that cooks an order (the catalog's id). */
public record RestaurantId(UUID value) implements Identifier {

    public RestaurantId {
        Objects.requireNonNull(value, "RestaurantId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
