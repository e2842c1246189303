package dev.banyan.catalog.domain;

import java.time.Instant;
import java.util.Objects;

import org.jmolecules.ddd.types.AggregateRoot;

/**
 * A restaurant as the catalog lists it. Menu items are their own aggregate and point back here by
 * {@link RestaurantId}; the category is referenced by its {@link CategoryCode}.
 */
public final class Restaurant implements AggregateRoot<Restaurant, RestaurantId> {

    private final RestaurantId id;
    private final String name;
    private final CategoryCode category;
    private final String phone;
    private final String address;
    private final Krw minimumOrderAmount;
    private final Krw deliveryFee;
    private final WeeklyOpeningHours openingHours;
    private final Instant createdAt;
    private final RestaurantStatus status;
    private final Instant updatedAt;
    private final long version;

    private Restaurant(
            RestaurantId id,
            String name,
            CategoryCode category,
            String phone,
            String address,
            Krw minimumOrderAmount,
            Krw deliveryFee,
            WeeklyOpeningHours openingHours,
            RestaurantStatus status,
            Instant createdAt,
            Instant updatedAt,
            long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = requireText(name, "name");
        this.category = Objects.requireNonNull(category, "category");
        this.phone = phone;
        this.address = requireText(address, "address");
        this.minimumOrderAmount = Objects.requireNonNull(minimumOrderAmount, "minimumOrderAmount");
        this.deliveryFee = Objects.requireNonNull(deliveryFee, "deliveryFee");
        this.openingHours = Objects.requireNonNull(openingHours, "openingHours");
        this.status = Objects.requireNonNull(status, "status");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.version = version;
    }

    /** A new restaurant is listed as {@link RestaurantStatus#OPEN}. */
    public static Restaurant register(
            RestaurantId id,
            String name,
            CategoryCode category,
            String phone,
            String address,
            Krw minimumOrderAmount,
            Krw deliveryFee,
            WeeklyOpeningHours openingHours,
            Instant now) {
        return new Restaurant(
                id,
                name,
                category,
                phone,
                address,
                minimumOrderAmount,
                deliveryFee,
                openingHours,
                RestaurantStatus.OPEN,
                now,
                now,
                0);
    }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("restaurant " + field + " must not be blank");
        }
        return value;
    }

    @Override
    public RestaurantId getId() {
        return id;
    }

    public String name() {
        return name;
    }

    public CategoryCode category() {
        return category;
    }

    public String phone() {
        return phone;
    }

    public String address() {
        return address;
    }

    public Krw minimumOrderAmount() {
        return minimumOrderAmount;
    }

    public Krw deliveryFee() {
        return deliveryFee;
    }

    public WeeklyOpeningHours openingHours() {
        return openingHours;
    }

    public RestaurantStatus status() {
        return status;
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
