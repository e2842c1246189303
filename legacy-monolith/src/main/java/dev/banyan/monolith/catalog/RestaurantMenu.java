package dev.banyan.monolith.catalog;

import java.util.Map;
import java.util.Optional;

import dev.banyan.monolith.shared.Krw;

import org.jmolecules.ddd.types.ValueObject;

/**
 * A snapshot of a restaurant's current menu, as other contexts see it when they price an order.
 *
 * @param takingOrders the restaurant is OPEN and inside its opening hours right now
 */
public record RestaurantMenu(
        RestaurantId id,
        String name,
        String address,
        RestaurantStatus status,
        boolean takingOrders,
        Krw minimumOrderAmount,
        Krw deliveryFee,
        Map<MenuItemId, Entry> items)
        implements ValueObject {

    public RestaurantMenu {
        items = Map.copyOf(items);
    }

    public Optional<Entry> item(MenuItemId id) {
        return Optional.ofNullable(items.get(id));
    }

    /** One menu item at its current price. */
    public record Entry(MenuItemId id, String name, Krw price, boolean available) implements ValueObject {}
}
