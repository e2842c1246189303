package dev.banyan.monolith.catalog.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.banyan.monolith.catalog.RestaurantId;
import dev.banyan.monolith.catalog.RestaurantStatus;
import dev.banyan.monolith.shared.IllegalTransitionException;

import org.jmolecules.ddd.types.AggregateRoot;

/**
 * A restaurant on the platform. Menu items are aggregates of their own that refer back by {@link RestaurantId}.
 */
public class Restaurant implements AggregateRoot<Restaurant, RestaurantId> {

    private final RestaurantId id;
    private final String name;
    private final String categoryCode;
    private final String phone;
    private final String address;
    private final long minimumOrderAmount;
    private final long deliveryFee;
    private RestaurantStatus status;
    private final List<OpeningHours> openingHours;
    private final Instant createdAt;
    private Instant updatedAt;
    private final long version;

    public Restaurant(
            RestaurantId id,
            String name,
            String categoryCode,
            String phone,
            String address,
            long minimumOrderAmount,
            long deliveryFee,
            RestaurantStatus status,
            List<OpeningHours> openingHours,
            Instant createdAt,
            Instant updatedAt,
            long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = requireText(name, "name");
        this.categoryCode = requireText(categoryCode, "categoryCode");
        this.phone = phone;
        this.address = requireText(address, "address");
        this.minimumOrderAmount = requireNotNegative(minimumOrderAmount, "minimumOrderAmount");
        this.deliveryFee = requireNotNegative(deliveryFee, "deliveryFee");
        this.status = Objects.requireNonNull(status, "status");
        this.openingHours = openingHours.stream()
                .sorted(Comparator.comparing(OpeningHours::day))
                .toList();
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (OpeningHours hours : this.openingHours) {
            if (!days.add(hours.day())) {
                throw new IllegalArgumentException("opening hours list " + hours.day() + " twice");
            }
        }
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.version = version;
    }

    /** A new restaurant joins the platform open for business. */
    public static Restaurant register(
            RestaurantId id,
            String name,
            String categoryCode,
            String phone,
            String address,
            long minimumOrderAmount,
            long deliveryFee,
            List<OpeningHours> openingHours,
            Instant now) {
        return new Restaurant(
                id,
                name,
                categoryCode,
                phone,
                address,
                minimumOrderAmount,
                deliveryFee,
                RestaurantStatus.OPEN,
                openingHours,
                now,
                now,
                0);
    }

    /** The operator pauses taking orders (준비중). */
    public void close(Instant now) {
        if (status != RestaurantStatus.OPEN) {
            throw new IllegalTransitionException(
                    status.name(), "Restaurant " + id + " is " + status + " and cannot be closed again");
        }
        status = RestaurantStatus.CLOSED;
        updatedAt = now;
    }

    /** The operator resumes taking orders (영업중). */
    public void reopen(Instant now) {
        if (status != RestaurantStatus.CLOSED) {
            throw new IllegalTransitionException(
                    status.name(), "Restaurant " + id + " is " + status + " and cannot be reopened");
        }
        status = RestaurantStatus.OPEN;
        updatedAt = now;
    }

    /**
     * Whether the restaurant takes an order at this moment: it is OPEN and, if it lists opening hours, the moment
     * falls inside one of them. A restaurant without listed hours takes orders whenever it is OPEN.
     */
    public boolean isTakingOrdersAt(ZonedDateTime localTime) {
        if (status != RestaurantStatus.OPEN) {
            return false;
        }
        return openingHours.isEmpty()
                || openingHours.stream().anyMatch(hours -> hours.covers(localTime.toLocalDateTime()));
    }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    private static long requireNotNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
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

    public String categoryCode() {
        return categoryCode;
    }

    public String phone() {
        return phone;
    }

    public String address() {
        return address;
    }

    public long minimumOrderAmount() {
        return minimumOrderAmount;
    }

    public long deliveryFee() {
        return deliveryFee;
    }

    public RestaurantStatus status() {
        return status;
    }

    public List<OpeningHours> openingHours() {
        return openingHours;
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
