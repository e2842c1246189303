package dev.banyan.monolith.catalog;

import java.util.Objects;
import java.util.UUID;

import org.jmolecules.ddd.types.Identifier;

/** Identifies a menu item. */
public record MenuItemId(UUID value) implements Identifier {

    public MenuItemId {
        Objects.requireNonNull(value, "menu item id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
