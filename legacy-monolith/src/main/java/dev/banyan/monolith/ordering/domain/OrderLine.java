package dev.banyan.monolith.ordering.domain;

import dev.banyan.monolith.catalog.MenuItemId;
import org.jmolecules.ddd.types.ValueObject;

import java.util.Objects;

/** One line of an order at the price the menu had when the order was placed. */
public record OrderLine(MenuItemId menuItemId, String name, long unitPrice, int quantity) implements ValueObject {

    public static final int MAX_QUANTITY = 99;

    public OrderLine {
        Objects.requireNonNull(menuItemId, "menuItemId");
        if (unitPrice < 0) {
            throw new IllegalArgumentException("unit price must not be negative, was " + unitPrice);
        }
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity must be between 1 and " + MAX_QUANTITY + ", was " + quantity);
        }
    }

    /** @throws ArithmeticException if the total does not fit a {@code long} (never wraps around) */
    public long lineTotal() {
        return Math.multiplyExact(unitPrice, quantity);
    }
}
