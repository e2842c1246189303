package dev.banyan.monolith.catalog.domain;

import java.time.Instant;
import java.util.Objects;

import dev.banyan.monolith.catalog.MenuItemId;
import dev.banyan.monolith.catalog.RestaurantId;

import org.jmolecules.ddd.types.AggregateRoot;

/** A dish on a restaurant's menu. It belongs to its restaurant by id only. */
public class MenuItem implements AggregateRoot<MenuItem, MenuItemId> {

    private final MenuItemId id;
    private final RestaurantId restaurantId;
    private final String name;
    private final String description;
    private long price;
    private boolean available;
    private final Instant createdAt;
    private Instant updatedAt;
    private final long version;

    public MenuItem(
            MenuItemId id,
            RestaurantId restaurantId,
            String name,
            String description,
            long price,
            boolean available,
            Instant createdAt,
            Instant updatedAt,
            long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.restaurantId = Objects.requireNonNull(restaurantId, "restaurantId");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        this.name = name;
        this.description = description;
        this.price = requirePrice(price);
        this.available = available;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.version = version;
    }

    public static MenuItem add(
            MenuItemId id,
            RestaurantId restaurantId,
            String name,
            String description,
            long price,
            boolean available,
            Instant now) {
        return new MenuItem(id, restaurantId, name, description, price, available, now, now, 0);
    }

    public void changePrice(long newPrice, Instant now) {
        this.price = requirePrice(newPrice);
        this.updatedAt = now;
    }

    public void changeAvailability(boolean nowAvailable, Instant now) {
        this.available = nowAvailable;
        this.updatedAt = now;
    }

    public boolean belongsTo(RestaurantId restaurant) {
        return restaurantId.equals(restaurant);
    }

    private static long requirePrice(long price) {
        if (price < 0) {
            throw new IllegalArgumentException("price must not be negative, was " + price);
        }
        return price;
    }

    @Override
    public MenuItemId getId() {
        return id;
    }

    public RestaurantId restaurantId() {
        return restaurantId;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public long price() {
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
