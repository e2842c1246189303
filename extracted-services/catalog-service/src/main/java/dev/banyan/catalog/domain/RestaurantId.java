package dev.banyan.catalog.domain;

import java.util.Objects;
import java.util.UUID;

import org.jmolecules.ddd.types.Identifier;

/** Restaurant identity. Random UUIDs, so rows created here never collide with rows created by the monolith. */
public record RestaurantId(UUID value) implements Identifier {

    public RestaurantId {
        Objects.requireNonNull(value, "restaurant id");
    }

    public static RestaurantId newId() {
        return new RestaurantId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
