package dev.banyan.catalog.domain;

import java.time.Instant;
import java.util.Objects;

import org.jmolecules.ddd.types.AggregateRoot;

/** A dish on a restaurant's menu, with its price in KRW and whether it can be ordered right now. */
public final class MenuItem implements AggregateRoot<MenuItem, MenuItemId> {

    private final MenuItemId id;
    private final RestaurantId restaurant;
    private final String name;
    private final String description;
    private final Instant createdAt;
    private Krw price;
    private boolean available;
    private Instant updatedAt;
    private final long version;

    private MenuItem(
            MenuItemId id,
            RestaurantId restaurant,
            String name,
            String description,
            Krw price,
            boolean available,
            Instant createdAt,
            Instant updatedAt,
            long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.restaurant = Objects.requireNonNull(restaurant, "restaurant");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("menu item name must not be blank");
        }
        this.name = name;
        this.description = description;
        this.price = Objects.requireNonNull(price, "price");
        this.available = available;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.version = version;
    }

    public static MenuItem add(
            MenuItemId id,
            RestaurantId restaurant,
            String name,
            String description,
            Krw price,
            boolean available,
            Instant now) {
        return new MenuItem(id, restaurant, name, description, price, available, now, now, 0);
    }

    public static MenuItem restore(
            MenuItemId id,
            RestaurantId restaurant,
            String name,
            String description,
            Krw price,
            boolean available,
            Instant createdAt,
            Instant updatedAt,
            long version) {
        return new MenuItem(id, restaurant, name, description, price, available, createdAt, updatedAt, version);
    }

    public boolean belongsTo(RestaurantId candidate) {
        return restaurant.equals(candidate);
    }

    public void reprice(Krw newPrice, Instant now) {
        price = Objects.requireNonNull(newPrice, "price");
        updatedAt = now;
    }

    public void markAvailable(boolean nowAvailable, Instant now) {
        available = nowAvailable;
        updatedAt = now;
    }

    @Override
    public MenuItemId getId() {
        return id;
    }

    public RestaurantId restaurant() {
        return restaurant;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Krw price() {
        return price;
    }

    public boolean available() {
        return available;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
