package dev.banyan.monolith.delivery.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import dev.banyan.monolith.delivery.DeliveryId;
import dev.banyan.monolith.ordering.OrderAccepted;
import dev.banyan.monolith.ordering.OrderCancelled;
import dev.banyan.monolith.ordering.OrderFulfilment;
import dev.banyan.monolith.ordering.OrderId;
import dev.banyan.monolith.ordering.OrderStatus;
import dev.banyan.monolith.shared.Ids;
import dev.banyan.monolith.shared.NotFoundException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assigns riders when restaurants accept orders and moves deliveries along. The event listeners run after the
 * ordering transaction commits, asynchronously, each in its own transaction; Spring Modulith's JDBC event
 * publication registry records every event first (a transactional outbox), so an event whose listener failed or was
 * interrupted by a shutdown is delivered again on the next start.
 */
@Service
@Transactional
public class DeliveryService {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);

    private final Deliveries deliveries;
    private final Riders riders;
    private final OrderFulfilment orders;
    private final Clock clock;

    DeliveryService(Deliveries deliveries, Riders riders, OrderFulfilment orders, Clock clock) {
        this.deliveries = deliveries;
        this.riders = riders;
        this.orders = orders;
        this.clock = clock;
    }

    public record DeliveryWithRider(Delivery delivery, Optional<Rider> rider) {}

    @ApplicationModuleListener
    void on(OrderAccepted event) {
        Rider rider = riders.leastBusy()
                .orElseThrow(() -> new IllegalStateException(
                        "No rider available for order " + event.orderId() + "; add riders to delivery.rider"));
        Delivery delivery = Delivery.assign(
                new DeliveryId(Ids.random()),
                event.orderId(),
                rider.id(),
                event.restaurantId(),
                event.pickupAddress(),
                event.dropOffAddress(),
                now());
        if (deliveries.addIfAbsent(delivery)) {
            log.debug("Order {} accepted: rider {} ({}) assigned", event.orderId(), rider.name(), rider.id());
        }
    }

    @ApplicationModuleListener
    void on(OrderCancelled event) {
        if (event.previousStatus() != OrderStatus.ACCEPTED) {
            return;
        }
        Optional<Delivery> existing = deliveries.findByOrder(event.orderId());
        if (existing.isPresent()) {
            Delivery delivery = existing.get();
            delivery.cancel(now());
            deliveries.update(delivery);
        } else {
            // The cancellation overtook the assignment: leave a cancelled delivery so the assignment does nothing.
            deliveries.addIfAbsent(
                    Delivery.cancelledBeforeAssignment(new DeliveryId(Ids.random()), event.orderId(), now()));
        }
    }

    @Transactional(readOnly = true)
    public DeliveryWithRider delivery(OrderId orderId) {
        Delivery delivery = require(orderId);
        return new DeliveryWithRider(
                delivery, delivery.riderId() == null ? Optional.empty() : riders.findById(delivery.riderId()));
    }

    /** The rider collected the food at the restaurant. */
    public DeliveryWithRider pickUp(OrderId orderId) {
        Delivery delivery = require(orderId);
        delivery.pickUp(now());
        orders.recordPickup(orderId, delivery.pickedUpAt());
        deliveries.update(delivery);
        return new DeliveryWithRider(delivery, riders.findById(delivery.riderId()));
    }

    /** The rider handed the food over: the order becomes DELIVERED. */
    public DeliveryWithRider complete(OrderId orderId) {
        Delivery delivery = require(orderId);
        delivery.complete(now());
        orders.markDelivered(orderId, delivery.deliveredAt());
        deliveries.update(delivery);
        return new DeliveryWithRider(delivery, riders.findById(delivery.riderId()));
    }

    private Delivery require(OrderId orderId) {
        return deliveries
                .findByOrder(orderId)
                .orElseThrow(() -> new NotFoundException("No delivery for order " + orderId
                        + "; a delivery is created when the restaurant accepts the order"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
