package dev.banyan.catalog.domain;

import java.util.Objects;
import java.util.UUID;

import org.jmolecules.ddd.types.Identifier;

/** Menu item identity; random UUIDs like every id in the catalog. */
public record MenuItemId(UUID value) implements Identifier {

    public MenuItemId {
        Objects.requireNonNull(value, "menu item id");
    }

    public static MenuItemId newId() {
        return new MenuItemId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
