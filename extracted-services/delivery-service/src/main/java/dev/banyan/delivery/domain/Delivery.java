package dev.banyan.delivery.domain;

import java.time.Instant;
import java.util.Objects;

import org.jmolecules.ddd.types.AggregateRoot;
import org.jspecify.annotations.Nullable;

/**
 * Getting one order's food from the restaurant to the customer: ASSIGNED (a rider is on the way to the restaurant)
 * → PICKED_UP → DELIVERED, or CANCELLED if the order is cancelled before pickup. Refers to the order, the restaurant
 * and the rider by id only. Only a CANCELLED delivery may lack a rider (the cancellation overtook the assignment).
 */
public class Delivery implements AggregateRoot<Delivery, DeliveryId> {

    /** How a delivery answers a request to cancel its order. */
    public enum CancellationAnswer {
        /** It was ASSIGNED and is now CANCELLED: no rider will pick the order up. */
        CANCELLED,
        /** It was CANCELLED already; the cancellation stands. */
        ALREADY_CANCELLED,
        /** It was PICKED_UP or DELIVERED: too late, the order goes on; {@link #status()} says which. */
        REFUSED
    }

    private final DeliveryId id;
    private final OrderId orderId;
    private final @Nullable RiderId riderId;
    private final @Nullable RestaurantId restaurantId;
    private final @Nullable String pickupAddress;
    private final @Nullable String dropOffAddress;
    private DeliveryStatus status;
    private final @Nullable Instant assignedAt;
    private @Nullable Instant pickedUpAt;
    private @Nullable Instant deliveredAt;
    private @Nullable Instant cancelledAt;
    private final long version;

    public Delivery(
            DeliveryId id,
            OrderId orderId,
            @Nullable RiderId riderId,
            @Nullable RestaurantId restaurantId,
            @Nullable String pickupAddress,
            @Nullable String dropOffAddress,
            DeliveryStatus status,
            @Nullable Instant assignedAt,
            @Nullable Instant pickedUpAt,
            @Nullable Instant deliveredAt,
            @Nullable Instant cancelledAt,
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

    /**
     * A delivery cancelled before a rider was assigned: the cancellation overtook the acceptance. It stays as a
     * marker, so the late acceptance finds the order's delivery and assigns nobody.
     */
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

    /**
     * The Saga's cancel step: an ASSIGNED delivery is cancelled; a CANCELLED one stays so; a PICKED_UP or DELIVERED
     * one refuses, because the food is on its way (the order can no longer be cancelled once picked up).
     */
    public CancellationAnswer answerCancellation(Instant now) {
        return switch (status) {
            case ASSIGNED -> {
                cancel(now);
                yield CancellationAnswer.CANCELLED;
            }
            case CANCELLED -> CancellationAnswer.ALREADY_CANCELLED;
            case PICKED_UP, DELIVERED -> CancellationAnswer.REFUSED;
        };
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

    public @Nullable RiderId riderId() {
        return riderId;
    }

    public @Nullable RestaurantId restaurantId() {
        return restaurantId;
    }

    public @Nullable String pickupAddress() {
        return pickupAddress;
    }

    public @Nullable String dropOffAddress() {
        return dropOffAddress;
    }

    public DeliveryStatus status() {
        return status;
    }

    public @Nullable Instant assignedAt() {
        return assignedAt;
    }

    public @Nullable Instant pickedUpAt() {
        return pickedUpAt;
    }

    public @Nullable Instant deliveredAt() {
        return deliveredAt;
    }

    public @Nullable Instant cancelledAt() {
        return cancelledAt;
    }

    public long version() {
        return version;
    }
}
