package dev.banyan.delivery.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

import dev.banyan.delivery.application.DeliveryEvent.DeliveryCompleted;
import dev.banyan.delivery.application.DeliveryEvent.DeliveryPickedUp;
import dev.banyan.delivery.domain.Deliveries;
import dev.banyan.delivery.domain.Delivery;
import dev.banyan.delivery.domain.OrderId;
import dev.banyan.delivery.domain.Rider;
import dev.banyan.delivery.domain.Riders;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rider's actions on a delivery, by order id. Pickup and completion lock the delivery's row, change it and
 * append {@code DeliveryPickedUp} / {@code DeliveryCompleted} to the outbox in one transaction, so they serialise
 * with the Saga's cancel step on the same row (see {@link OrderEventHandler}).
 */
@Service
@Transactional
public class DeliveryService {

    private final Deliveries deliveries;
    private final Riders riders;
    private final Outbox outbox;
    private final Clock clock;

    DeliveryService(Deliveries deliveries, Riders riders, Outbox outbox, Clock clock) {
        this.deliveries = deliveries;
        this.riders = riders;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record DeliveryWithRider(Delivery delivery, Optional<Rider> rider) {}

    @Transactional(readOnly = true)
    public DeliveryWithRider delivery(OrderId orderId) {
        Delivery delivery = deliveries.findByOrder(orderId).orElseThrow(() -> notFound(orderId));
        return new DeliveryWithRider(
                delivery, delivery.riderId() == null ? Optional.empty() : riders.findById(delivery.riderId()));
    }

    /** The rider collected the food at the restaurant: from now on the order can no longer be cancelled. */
    public DeliveryWithRider pickUp(OrderId orderId) {
        Delivery delivery = owned(deliveries.lockByOrder(orderId).orElseThrow(() -> notFound(orderId)));
        delivery.pickUp(now());
        deliveries.update(delivery);
        outbox.append(new DeliveryPickedUp(
                orderId, delivery.getId(), Objects.requireNonNull(delivery.pickedUpAt(), "pickedUpAt")));
        return withRider(delivery);
    }

    /** The rider handed the food over: the order becomes DELIVERED. */
    public DeliveryWithRider complete(OrderId orderId) {
        Delivery delivery = owned(deliveries.lockByOrder(orderId).orElseThrow(() -> notFound(orderId)));
        delivery.complete(now());
        deliveries.update(delivery);
        outbox.append(new DeliveryCompleted(
                orderId, delivery.getId(), Objects.requireNonNull(delivery.deliveredAt(), "deliveredAt")));
        return withRider(delivery);
    }

    /**
     * A live delivery backfilled from the monolith is the monolith's to change (421, replayed to it by the proxy);
     * only the ones this service created are changed here.
     */
    private Delivery owned(Delivery delivery) {
        if (!deliveries.owns(delivery.orderId())) {
            throw new MisdirectedException("delivery of order " + delivery.orderId() + " is handled by the monolith");
        }
        return delivery;
    }

    private DeliveryWithRider withRider(Delivery delivery) {
        return new DeliveryWithRider(
                delivery, riders.findById(Objects.requireNonNull(delivery.riderId(), "a picked-up delivery's rider")));
    }

    private static NotFoundException notFound(OrderId orderId) {
        return new NotFoundException(
                "No delivery for order " + orderId + "; a delivery is created when the restaurant accepts the order");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
