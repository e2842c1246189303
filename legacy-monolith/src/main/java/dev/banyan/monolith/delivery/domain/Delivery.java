package dev.banyan.monolith.delivery.domain;

import java.time.Instant;
import java.util.Objects;

import dev.banyan.monolith.catalog.RestaurantId;
import dev.banyan.monolith.delivery.DeliveryId;
import dev.banyan.monolith.delivery.RiderId;
import dev.banyan.monolith.ordering.OrderId;
import dev.banyan.monolith.shared.IllegalTransitionException;

import org.jmolecules.ddd.types.AggregateRoot;

/**
 * Getting one order's food from the restaurant to the customer: ASSIGNED (a rider is on the way to the restaurant)
 * → PICKED_UP → DELIVERED, or CANCELLED if the order is cancelled before pickup. Refers to the order, the restaurant
 * and the rider by id only.
 */
public class Delivery implements AggregateRoot<Delivery, DeliveryId> {

    private final DeliveryId id;
    private final OrderId orderId;
    private final RiderId riderId;
    private final RestaurantId restaurantId;
    private final String pickupAddress;
    private final String dropOffAddress;
    private DeliveryStatus status;
    private final Instant assignedAt;
    private Instant pickedUpAt;
    private Instant deliveredAt;
    private Instant cancelledAt;
    private final long version;

    public Delivery(
            DeliveryId id,
            OrderId orderId,
            RiderId riderId,
            RestaurantId restaurantId,
            String pickupAddress,
            String dropOffAddress,
            DeliveryStatus status,
            Instant assignedAt,
            Instant pickedUpAt,
            Instant deliveredAt,
            Instant cancelledAt,
            long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.orderId = Objects.requireNonNull(orderId, "orderId");
        this.riderId = riderId;
        this.restaurantId = restaurantId;
        this.pickupAddress = pickupAddress;
        this.dropOffAddress = dropOffAddress;
        this.status = Objects.requireNonNull(status, "status");
        if (status != DeliveryStatus.CANCELLED && riderId == null) {
            throw new IllegalArgumentException("a " + status + " delivery needs a rider");
        }
        this.assignedAt = assignedAt;
        this.pickedUpAt = pickedUpAt;
        this.deliveredAt = deliveredAt;
        this.cancelledAt = cancelledAt;
        this.version = version;
    }

    public static Delivery assign(
            DeliveryId id,
            OrderId orderId,
            RiderId rider,
            RestaurantId restaurantId,
            String pickupAddress,
            String dropOffAddress,
            Instant now) {
        return new Delivery(
                id,
                orderId,
                Objects.requireNonNull(rider, "rider"),
                restaurantId,
                pickupAddress,
                dropOffAddress,
                DeliveryStatus.ASSIGNED,
                now,
                null,
                null,
                null,
                0);
    }

    /** A delivery that was cancelled before a rider was assigned (the order was cancelled right after acceptance). */
    public static Delivery cancelledBeforeAssignment(DeliveryId id, OrderId orderId, Instant now) {
        return new Delivery(id, orderId, null, null, null, null, DeliveryStatus.CANCELLED, null, null, null, now, 0);
    }

    public void pickUp(Instant now) {
        require(DeliveryStatus.ASSIGNED, "picked up");
        status = DeliveryStatus.PICKED_UP;
        pickedUpAt = now;
    }

    public void complete(Instant now) {
        require(DeliveryStatus.PICKED_UP, "completed");
        status = DeliveryStatus.DELIVERED;
        deliveredAt = now;
    }

    public void cancel(Instant now) {
        require(DeliveryStatus.ASSIGNED, "cancelled");
        status = DeliveryStatus.CANCELLED;
        cancelledAt = now;
    }

    private void require(DeliveryStatus expected, String action) {
        if (status != expected) {
            throw new IllegalTransitionException(
                    status.name(),
                    "Delivery of order " + orderId + " is " + status + "; only an " + expected + " delivery can be "
                            + action);
        }
    }

    @Override
    public DeliveryId getId() {
        return id;
    }

    public OrderId orderId() {
        return orderId;
    }

    public RiderId riderId() {
        return riderId;
    }

    public RestaurantId restaurantId() {
        return restaurantId;
    }

    public String pickupAddress() {
        return pickupAddress;
    }

    public String dropOffAddress() {
        return dropOffAddress;
    }

    public DeliveryStatus status() {
        return status;
    }

    public Instant assignedAt() {
        return assignedAt;
    }

    public Instant pickedUpAt() {
        return pickedUpAt;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public long version() {
        return version;
    }
}
