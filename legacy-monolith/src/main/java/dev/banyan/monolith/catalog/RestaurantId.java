package dev.banyan.monolith.catalog;

import java.util.Objects;
import java.util.UUID;

import org.jmolecules.ddd.types.Identifier;

/** Identifies a restaurant; other contexts keep only this, never the restaurant itself. */
public record RestaurantId(UUID value) implements Identifier {

    public RestaurantId {
        Objects.requireNonNull(value, "restaurant id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
