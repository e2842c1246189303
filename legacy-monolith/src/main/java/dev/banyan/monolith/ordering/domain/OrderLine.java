package dev.banyan.monolith.ordering.domain;

import java.util.Objects;

import dev.banyan.monolith.catalog.MenuItemId;
import dev.banyan.monolith.shared.Krw;

import org.jmolecules.ddd.types.ValueObject;

/** One line of an order at the price the menu had when the order was placed. */
public record OrderLine(MenuItemId menuItemId, String name, Krw unitPrice, int quantity) implements ValueObject {

    public static final int MAX_QUANTITY = 99;

    public OrderLine {
        Objects.requireNonNull(menuItemId, "menuItemId");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity must be between 1 and " + MAX_QUANTITY + ", was " + quantity);
        }
    }

    /** @throws ArithmeticException if the total exceeds the largest amount (never wraps around) */
    public Krw lineTotal() {
        return unitPrice.times(quantity);
    }
}
