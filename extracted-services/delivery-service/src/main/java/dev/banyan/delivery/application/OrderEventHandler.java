package dev.banyan.delivery.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.banyan.delivery.application.DeliveryEvent.DeliveryAssigned;
import dev.banyan.delivery.application.DeliveryEvent.DeliveryCancellationRefused;
import dev.banyan.delivery.application.DeliveryEvent.DeliveryCancelled;
import dev.banyan.delivery.application.ShadowDecision.Decision;
import dev.banyan.delivery.domain.Deliveries;
import dev.banyan.delivery.domain.Delivery;
import dev.banyan.delivery.domain.DeliveryId;
import dev.banyan.delivery.domain.DeliveryStatus;
import dev.banyan.delivery.domain.OrderId;
import dev.banyan.delivery.domain.Rider;
import dev.banyan.delivery.domain.RiderId;
import dev.banyan.delivery.domain.Riders;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reacts to one order event in one transaction: the inbox row, the delivery change and the outbox row commit
 * together or not at all, so a redelivered event (same id) changes nothing.
 *
 * <ul>
 *     <li>{@code handler=delivery-service}: OrderAccepted assigns the least busy rider ({@code DeliveryAssigned});
 *     OrderCancellationRequested cancels an ASSIGNED delivery ({@code DeliveryCancelled}) or refuses for a
 *     PICKED_UP/DELIVERED one ({@code DeliveryCancellationRefused}). The delivery's row is locked for that decision,
 *     the same lock a pickup takes, so whichever commits first wins and the other sees its result.</li>
 *     <li>{@code handler=monolith}: in stage SHADOW the decision is only recorded as a {@link ShadowDecision};
 *     otherwise only the inbox row is written.</li>
 * </ul>
 */
@Service
public class OrderEventHandler {

    private static final Logger log = LoggerFactory.getLogger(OrderEventHandler.class);

    /** What handling an event did. */
    public enum Outcome {
        /** The event id was in the inbox already. */
        DUPLICATE,
        /** Handled for real. */
        APPLIED,
        /** A monolith-handled order in stage SHADOW: a decision was recorded, nothing else. */
        SHADOWED,
        /** A monolith-handled order outside SHADOW: only the inbox row. */
        IGNORED
    }

    private final Deliveries deliveries;
    private final Riders riders;
    private final Outbox outbox;
    private final Inbox inbox;
    private final ShadowDecisions shadowDecisions;
    private final ShadowMode shadowMode;
    private final Clock clock;

    OrderEventHandler(
            Deliveries deliveries,
            Riders riders,
            Outbox outbox,
            Inbox inbox,
            ShadowDecisions shadowDecisions,
            ShadowMode shadowMode,
            Clock clock) {
        this.deliveries = deliveries;
        this.riders = riders;
        this.outbox = outbox;
        this.inbox = inbox;
        this.shadowDecisions = shadowDecisions;
        this.shadowMode = shadowMode;
        this.clock = clock;
    }

    @Transactional
    public Outcome handle(UUID eventId, String type, Handler handler, OrderEvent event) {
        if (!inbox.firstReceipt(eventId, type)) {
            log.debug("{} {} of order {} was handled before; skipped", type, eventId, event.orderId());
            return Outcome.DUPLICATE;
        }
        if (handler == Handler.MONOLITH) {
            if (!shadowMode.enabled()) {
                return Outcome.IGNORED;
            }
            shadow(eventId, event);
            return Outcome.SHADOWED;
        }
        if (event instanceof OrderEvent.Accepted accepted) {
            assign(accepted);
        } else if (event instanceof OrderEvent.CancellationRequested requested) {
            answerCancellation(requested.orderId());
        } else if (event instanceof OrderEvent.Cancelled cancelled) {
            cancelForGood(cancelled);
        }
        return Outcome.APPLIED;
    }

    private void assign(OrderEvent.Accepted event) {
        Rider rider = leastBusyRider(event.orderId());
        Delivery delivery = Delivery.assign(
                new DeliveryId(UUID.randomUUID()),
                event.orderId(),
                rider.id(),
                event.restaurantId(),
                event.pickupAddress(),
                event.dropOffAddress(),
                now());
        if (deliveries.addIfAbsent(delivery)) {
            outbox.append(new DeliveryAssigned(
                    event.orderId(), delivery.getId(), rider.id(), Objects.requireNonNull(delivery.assignedAt())));
        } else {
            // A cancellation overtook the acceptance (its marker is there) or the order was assigned already.
            log.info("Order {} has a delivery already; no rider assigned", event.orderId());
        }
    }

    private void answerCancellation(OrderId orderId) {
        Instant now = now();
        Optional<Delivery> locked = lockedOrMarker(orderId, now);
        if (locked.isEmpty()) {
            return;
        }
        Delivery delivery = locked.get();
        switch (delivery.answerCancellation(now)) {
            case CANCELLED -> {
                deliveries.update(delivery);
                outbox.append(new DeliveryCancelled(orderId, delivery.getId(), now));
            }
            case ALREADY_CANCELLED ->
                outbox.append(new DeliveryCancelled(
                        orderId, delivery.getId(), delivery.cancelledAt() == null ? now : delivery.cancelledAt()));
            case REFUSED ->
                outbox.append(new DeliveryCancellationRefused(
                        orderId, delivery.getId(), delivery.status().name(), now));
        }
    }

    /**
     * The order's delivery, locked; if it has none yet (the cancellation overtook the acceptance), a CANCELLED
     * marker is stored and its {@code DeliveryCancelled} written, and empty is returned.
     */
    private Optional<Delivery> lockedOrMarker(OrderId orderId, Instant now) {
        Optional<Delivery> existing = deliveries.lockByOrder(orderId);
        if (existing.isPresent()) {
            return existing;
        }
        Delivery marker = Delivery.cancelledBeforeAssignment(new DeliveryId(UUID.randomUUID()), orderId, now);
        if (deliveries.addIfAbsent(marker)) {
            outbox.append(new DeliveryCancelled(orderId, marker.getId(), now));
            return Optional.empty();
        }
        // Inserted concurrently by someone else: decide on that row.
        return deliveries.lockByOrder(orderId);
    }

    /** The order is cancelled for good (no answer expected): an ASSIGNED delivery still waiting is cancelled. */
    private void cancelForGood(OrderEvent.Cancelled event) {
        if (event.previousStatus().equals("PLACED")) {
            return;
        }
        Optional<Delivery> existing = deliveries.lockByOrder(event.orderId());
        if (existing.isEmpty()) {
            deliveries.addIfAbsent(
                    Delivery.cancelledBeforeAssignment(new DeliveryId(UUID.randomUUID()), event.orderId(), now()));
            return;
        }
        Delivery delivery = existing.get();
        if (delivery.status() == DeliveryStatus.ASSIGNED) {
            Instant now = now();
            delivery.cancel(now);
            deliveries.update(delivery);
            outbox.append(new DeliveryCancelled(event.orderId(), delivery.getId(), now));
        } else if (delivery.status() != DeliveryStatus.CANCELLED) {
            log.warn(
                    "Order {} was cancelled ({} before) but its delivery is {}; left as it is",
                    event.orderId(),
                    event.previousStatus(),
                    delivery.status());
        }
    }

    /** Decides as {@link #handle} would, reading only, and records the decision. */
    private void shadow(UUID eventId, OrderEvent event) {
        Instant now = now();
        if (event instanceof OrderEvent.Accepted accepted) {
            RiderId rider = leastBusyRider(accepted.orderId()).id();
            shadowDecisions.record(new ShadowDecision(eventId, accepted.orderId(), Decision.ASSIGN, rider, null, now));
        } else if (event instanceof OrderEvent.CancellationRequested requested) {
            shadowDecisions.record(cancelDecision(eventId, requested.orderId(), now));
        } else if (event instanceof OrderEvent.Cancelled cancelled
                && !cancelled.previousStatus().equals("PLACED")) {
            shadowDecisions.record(cancelDecision(eventId, cancelled.orderId(), now));
        }
    }

    private ShadowDecision cancelDecision(UUID eventId, OrderId orderId, Instant now) {
        DeliveryStatus status =
                deliveries.findByOrder(orderId).map(Delivery::status).orElse(DeliveryStatus.CANCELLED);
        return status == DeliveryStatus.PICKED_UP || status == DeliveryStatus.DELIVERED
                ? new ShadowDecision(eventId, orderId, Decision.REFUSE, null, status.name(), now)
                : new ShadowDecision(eventId, orderId, Decision.CANCEL, null, null, now);
    }

    private Rider leastBusyRider(OrderId orderId) {
        return riders.leastBusy()
                .orElseThrow(() -> new IllegalStateException(
                        "No rider available for order " + orderId + "; add riders to table rider"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
