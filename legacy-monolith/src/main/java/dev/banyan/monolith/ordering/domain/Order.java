package dev.banyan.monolith.ordering.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.banyan.monolith.catalog.RestaurantId;
import dev.banyan.monolith.customer.CustomerId;
import dev.banyan.monolith.ordering.OrderId;
import dev.banyan.monolith.ordering.OrderStatus;
import dev.banyan.monolith.shared.IllegalTransitionException;
import dev.banyan.monolith.shared.Krw;

import org.jmolecules.ddd.types.AggregateRoot;

/**
 * An order of one customer from one restaurant. It refers to customer, restaurant and menu items by id only and
 * keeps the prices it was placed at. Lifecycle: PLACED → ACCEPTED → DELIVERED, or CANCELLED while PLACED or
 * ACCEPTED and not yet picked up; when the delivery-service handles the delivery, a cancel of an ACCEPTED order waits
 * in CANCELLATION_PENDING for the delivery side's answer.
 */
public class Order implements AggregateRoot<Order, OrderId> {

    private final OrderId id;
    private final CustomerId customerId;
    private final RestaurantId restaurantId;
    private final String deliveryAddress;
    private final List<OrderLine> lines;
    private final Krw deliveryFee;
    private OrderStatus status;
    private final String idempotencyKey;
    private final String requestFingerprint;
    private final Instant placedAt;
    private Instant acceptedAt;
    private Instant pickedUpAt;
    private Instant deliveredAt;
    private Instant cancelledAt;
    private Instant updatedAt;
    private DeliveryHandler deliveryHandler;
    private final long version;

    /** What was ordered: fixed when the order is placed. */
    public record Contents(
            CustomerId customerId,
            RestaurantId restaurantId,
            String deliveryAddress,
            List<OrderLine> lines,
            Krw deliveryFee) {

        public Contents {
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(restaurantId, "restaurantId");
            if (deliveryAddress == null || deliveryAddress.isBlank()) {
                throw new IllegalArgumentException("an order needs a delivery address");
            }
            if (lines == null || lines.isEmpty()) {
                throw new IllegalArgumentException("an order needs at least one line");
            }
            lines = List.copyOf(lines);
            Objects.requireNonNull(deliveryFee, "deliveryFee");
        }
    }

    /** Where a stored order is in its lifecycle, and when each step happened (null: not yet). */
    public record Lifecycle(
            OrderStatus status,
            Instant placedAt,
            Instant acceptedAt,
            Instant pickedUpAt,
            Instant deliveredAt,
            Instant cancelledAt,
            Instant updatedAt) {

        public Lifecycle {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(placedAt, "placedAt");
        }
    }

    private Order(
            OrderId id,
            Contents contents,
            String idempotencyKey,
            String requestFingerprint,
            Lifecycle lifecycle,
            DeliveryHandler deliveryHandler,
            long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.customerId = contents.customerId();
        this.restaurantId = contents.restaurantId();
        this.deliveryAddress = contents.deliveryAddress();
        this.lines = contents.lines();
        this.deliveryFee = contents.deliveryFee();
        this.status = lifecycle.status();
        this.idempotencyKey = idempotencyKey;
        this.requestFingerprint = requestFingerprint;
        this.placedAt = lifecycle.placedAt();
        this.acceptedAt = lifecycle.acceptedAt();
        this.pickedUpAt = lifecycle.pickedUpAt();
        this.deliveredAt = lifecycle.deliveredAt();
        this.cancelledAt = lifecycle.cancelledAt();
        this.updatedAt = lifecycle.updatedAt();
        this.deliveryHandler = deliveryHandler;
        this.version = version;
    }

    /** A new order, PLACED {@code now}; {@code idempotencyKey} is null when the customer sent none. */
    public static Order place(
            OrderId id,
            CustomerId customerId,
            RestaurantId restaurantId,
            String deliveryAddress,
            List<OrderLine> lines,
            Krw deliveryFee,
            String idempotencyKey,
            String requestFingerprint,
            Instant now) {
        return new Order(
                id,
                new Contents(customerId, restaurantId, deliveryAddress, lines, deliveryFee),
                idempotencyKey,
                requestFingerprint,
                new Lifecycle(OrderStatus.PLACED, now, null, null, null, null, now),
                null,
                0);
    }

    /**
     * An order as it was stored, at {@code version} (the optimistic lock of {@code Orders.update});
     * {@code deliveryHandler} is null until the order was accepted.
     */
    public static Order restore(
            OrderId id,
            Contents contents,
            String idempotencyKey,
            String requestFingerprint,
            Lifecycle lifecycle,
            DeliveryHandler deliveryHandler,
            long version) {
        return new Order(id, contents, idempotencyKey, requestFingerprint, lifecycle, deliveryHandler, version);
    }

    /** The restaurant confirms the order; {@code handler} (from the event route) will deliver it, for good. */
    public void accept(Instant now, DeliveryHandler handler) {
        if (status != OrderStatus.PLACED) {
            throw illegal("only a PLACED order can be accepted");
        }
        status = OrderStatus.ACCEPTED;
        acceptedAt = now;
        updatedAt = now;
        deliveryHandler = Objects.requireNonNull(handler, "handler");
    }

    /**
     * The rider has the food; cancelling is no longer possible. While a cancellation is pending, the pickup won the
     * race at the delivery side: the order goes back to ACCEPTED (its refusal follows).
     */
    public void recordPickup(Instant now) {
        if (status == OrderStatus.CANCELLATION_PENDING) {
            status = OrderStatus.ACCEPTED;
        } else if (status != OrderStatus.ACCEPTED) {
            throw illegal("only an ACCEPTED order can be picked up");
        }
        if (pickedUpAt != null) {
            throw new IllegalTransitionException(
                    status.name(), "Order " + id + " is " + status + " and was already picked up at " + pickedUpAt);
        }
        pickedUpAt = now;
        updatedAt = now;
    }

    public void deliver(Instant now) {
        if (status != OrderStatus.ACCEPTED) {
            throw illegal("only an ACCEPTED order that was picked up can be delivered");
        }
        if (pickedUpAt == null) {
            throw illegal("it has not been picked up yet, so it cannot be delivered");
        }
        status = OrderStatus.DELIVERED;
        deliveredAt = now;
        updatedAt = now;
    }

    /**
     * The customer cancels. A PLACED order, and an ACCEPTED one whose delivery the monolith handles, is CANCELLED at
     * once. An ACCEPTED order of the delivery-service becomes CANCELLATION_PENDING: only the delivery side can tell
     * whether the rider got there first ({@link #confirmCancellation} or {@link #refuseCancellation} follows). A
     * cancel of a CANCELLATION_PENDING order changes nothing.
     *
     * @return the status the order had before
     */
    public OrderStatus cancel(Instant now) {
        OrderStatus previous = status;
        if (status == OrderStatus.CANCELLATION_PENDING) {
            return previous;
        }
        if (status == OrderStatus.DELIVERED || status == OrderStatus.CANCELLED) {
            throw illegal("it can no longer be cancelled");
        }
        if (pickedUpAt != null) {
            throw illegal("its food was picked up by the rider, so it can no longer be cancelled");
        }
        status = status == OrderStatus.ACCEPTED && deliveryHandler == DeliveryHandler.DELIVERY_SERVICE
                ? OrderStatus.CANCELLATION_PENDING
                : OrderStatus.CANCELLED;
        if (status == OrderStatus.CANCELLED) {
            cancelledAt = now;
        }
        updatedAt = now;
        return previous;
    }

    /** The delivery side confirmed the pending cancellation: no rider will come. */
    public void confirmCancellation(Instant now) {
        if (status != OrderStatus.CANCELLATION_PENDING) {
            throw illegal("only a CANCELLATION_PENDING order can have its cancellation confirmed");
        }
        status = OrderStatus.CANCELLED;
        cancelledAt = now;
        updatedAt = now;
    }

    /**
     * The delivery side refused the pending cancellation because the food was picked up first: the order goes on,
     * ACCEPTED and picked up (at {@code pickedUpAt} unless the pickup was recorded already).
     */
    public void refuseCancellation(Instant pickedUpAt, Instant now) {
        if (status != OrderStatus.CANCELLATION_PENDING) {
            throw illegal("only a CANCELLATION_PENDING order can have its cancellation refused");
        }
        status = OrderStatus.ACCEPTED;
        if (this.pickedUpAt == null) {
            this.pickedUpAt = pickedUpAt;
        }
        updatedAt = now;
    }

    private IllegalTransitionException illegal(String why) {
        return new IllegalTransitionException(status.name(), "Order " + id + " is " + status + "; " + why);
    }

    /** @throws ArithmeticException if the sum exceeds the largest amount (never wraps around) */
    public Krw subtotal() {
        return lines.stream().map(OrderLine::lineTotal).reduce(Krw.ZERO, Krw::plus);
    }

    /** @throws ArithmeticException if the sum exceeds the largest amount (never wraps around) */
    public Krw total() {
        return subtotal().plus(deliveryFee);
    }

    @Override
    public OrderId getId() {
        return id;
    }

    public CustomerId customerId() {
        return customerId;
    }

    public RestaurantId restaurantId() {
        return restaurantId;
    }

    public String deliveryAddress() {
        return deliveryAddress;
    }

    public List<OrderLine> lines() {
        return lines;
    }

    public Krw deliveryFee() {
        return deliveryFee;
    }

    public OrderStatus status() {
        return status;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String requestFingerprint() {
        return requestFingerprint;
    }

    public Instant placedAt() {
        return placedAt;
    }

    public Instant acceptedAt() {
        return acceptedAt;
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

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Who handles the delivery; null until the order is accepted. */
    public DeliveryHandler deliveryHandler() {
        return deliveryHandler;
    }

    /** True when the delivery-service, not the monolith's delivery context, handles this order's delivery. */
    public boolean deliveredByService() {
        return deliveryHandler == DeliveryHandler.DELIVERY_SERVICE;
    }

    public long version() {
        return version;
    }
}
