package dev.banyan.monolith.ordering.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.banyan.monolith.ordering.OrderDelivered;
import dev.banyan.monolith.ordering.OrderId;
import dev.banyan.monolith.ordering.OrderStatus;
import dev.banyan.monolith.payment.PaymentApi;
import dev.banyan.monolith.shared.NotFoundException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ordering's side of the delivery Saga for orders the delivery-service handles: applies what the service reports
 * (assigned, picked up, completed, cancellation confirmed or refused) to the order, in one transaction with the
 * event's inbox record, so a redelivered event changes nothing. A confirmed cancellation refunds the payment as the
 * synchronous cancel does and writes {@code OrderCancelled(previousStatus=CANCELLATION_PENDING)} to the outbox.
 * Events about orders that the monolith delivers are recorded in the inbox and otherwise ignored.
 */
@Service
public class DeliverySaga {

    private static final Logger log = LoggerFactory.getLogger(DeliverySaga.class);

    private final Orders orders;
    private final Inbox inbox;
    private final OrderOutbox outbox;
    private final PaymentApi payments;
    private final CancellationWaiters waiters;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;

    DeliverySaga(
            Orders orders,
            Inbox inbox,
            OrderOutbox outbox,
            PaymentApi payments,
            CancellationWaiters waiters,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.orders = orders;
        this.inbox = inbox;
        this.outbox = outbox;
        this.payments = payments;
        this.waiters = waiters;
        this.events = events;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** What the delivery side reported, in ordering's terms. */
    public sealed interface DeliveryEvent {
        OrderId orderId();
    }

    public record Assigned(OrderId orderId, Instant assignedAt) implements DeliveryEvent {}

    public record PickedUp(OrderId orderId, Instant pickedUpAt) implements DeliveryEvent {}

    public record Completed(OrderId orderId, Instant deliveredAt) implements DeliveryEvent {}

    public record Cancelled(OrderId orderId, Instant cancelledAt) implements DeliveryEvent {}

    public record CancellationRefused(OrderId orderId, String reason, Instant refusedAt) implements DeliveryEvent {}

    public enum Outcome {
        /** The order changed (or the event needed no change of a service-handled order). */
        APPLIED,
        /** The event id was in the inbox already. */
        DUPLICATE,
        /** The order is delivered by the monolith; the event was only recorded. */
        IGNORED
    }

    /**
     * Applies the event with id {@code messageId} once.
     *
     * @throws NotFoundException if the order does not exist (nothing is recorded)
     * @throws dev.banyan.monolith.shared.IllegalTransitionException if the event contradicts the order's state
     */
    public Outcome apply(UUID messageId, String type, DeliveryEvent event) {
        Outcome outcome = transactions.execute(status -> {
            if (!inbox.record(messageId, type, now())) {
                return Outcome.DUPLICATE;
            }
            Order order = orders.lockById(event.orderId())
                    .orElseThrow(() -> new NotFoundException("Order " + event.orderId() + " not found"));
            if (!order.deliveredByService()) {
                log.debug(
                        "{} {} for order {}: the monolith delivers this order; ignored",
                        type,
                        messageId,
                        order.getId());
                return Outcome.IGNORED;
            }
            change(order, event);
            return Outcome.APPLIED;
        });
        if (outcome == Outcome.APPLIED) {
            if (event instanceof Cancelled) {
                settle(event.orderId());
            }
            if (event instanceof Cancelled || event instanceof CancellationRefused || event instanceof PickedUp) {
                waiters.decided(event.orderId());
            }
        }
        return outcome;
    }

    private void change(Order order, DeliveryEvent event) {
        OrderStatus status = order.status();
        if (event instanceof PickedUp pickedUp) {
            if (order.pickedUpAt() == null) {
                // While CANCELLATION_PENDING this means the pickup won the race; the refusal follows.
                order.recordPickup(pickedUp.pickedUpAt());
                orders.update(order);
            }
        } else if (event instanceof Completed completed) {
            if (status != OrderStatus.DELIVERED) {
                order.deliver(completed.deliveredAt());
                orders.update(order);
                events.publishEvent(new OrderDelivered(order.getId(), order.deliveredAt()));
            }
        } else if (event instanceof Cancelled cancelled) {
            if (status != OrderStatus.CANCELLED) {
                order.confirmCancellation(cancelled.cancelledAt());
                orders.update(order);
                payments.cancel(order.getId().value());
                outbox.cancelled(order, status);
            }
        } else if (event instanceof CancellationRefused refused) {
            if (status == OrderStatus.CANCELLATION_PENDING) {
                order.refuseCancellation(refused.refusedAt(), now());
                orders.update(order);
            }
            log.info(
                    "Order {}: cancellation refused by the delivery-service ({}); the order goes on",
                    order.getId(),
                    refused.reason());
        } else {
            log.debug("Order {}: rider assigned by the delivery-service", order.getId());
        }
    }

    /** The refund or void is committed; if the provider cannot be told now, {@code PendingSettlements} retries. */
    private void settle(OrderId id) {
        try {
            payments.settle(id.value());
        } catch (RuntimeException e) {
            log.warn(
                    "Order {}: the payment provider has not confirmed the cancellation yet; it will be retried: {}",
                    id,
                    e.getMessage());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
