package dev.banyan.delivery.application;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.banyan.delivery.domain.DeliveryId;
import dev.banyan.delivery.domain.OrderId;
import dev.banyan.delivery.domain.RiderId;

/**
 * An event of the delivery context for the outside world (topic {@code banyan.delivery.events}, version 1 of the
 * event-contracts schemas). {@link #payload()} is the JSON document, field by field, in the schema's order.
 */
public sealed interface DeliveryEvent {

    /** The schema version every event here is written in. */
    int VERSION = 1;

    OrderId orderId();

    /** The event type, the {@code eventType} header: the record's simple name. */
    default String type() {
        return getClass().getSimpleName();
    }

    Map<String, String> payload();

    private static Map<String, String> payload(OrderId order, DeliveryId delivery, String... more) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("orderId", order.toString());
        fields.put("deliveryId", delivery.toString());
        for (int i = 0; i < more.length; i += 2) {
            fields.put(more[i], more[i + 1]);
        }
        return fields;
    }

    record DeliveryAssigned(OrderId orderId, DeliveryId deliveryId, RiderId riderId, Instant assignedAt)
            implements DeliveryEvent {
        @Override
        public Map<String, String> payload() {
            return DeliveryEvent.payload(
                    orderId, deliveryId, "riderId", riderId.toString(), "assignedAt", assignedAt.toString());
        }
    }

    record DeliveryPickedUp(OrderId orderId, DeliveryId deliveryId, Instant pickedUpAt) implements DeliveryEvent {
        @Override
        public Map<String, String> payload() {
            return DeliveryEvent.payload(orderId, deliveryId, "pickedUpAt", pickedUpAt.toString());
        }
    }

    record DeliveryCompleted(OrderId orderId, DeliveryId deliveryId, Instant deliveredAt) implements DeliveryEvent {
        @Override
        public Map<String, String> payload() {
            return DeliveryEvent.payload(orderId, deliveryId, "deliveredAt", deliveredAt.toString());
        }
    }

    record DeliveryCancelled(OrderId orderId, DeliveryId deliveryId, Instant cancelledAt) implements DeliveryEvent {
        @Override
        public Map<String, String> payload() {
            return DeliveryEvent.payload(orderId, deliveryId, "cancelledAt", cancelledAt.toString());
        }
    }

    /** @param reason {@code PICKED_UP} or {@code DELIVERED}: the delivery's state that made the cancel too late */
    record DeliveryCancellationRefused(OrderId orderId, DeliveryId deliveryId, String reason, Instant refusedAt)
            implements DeliveryEvent {
        @Override
        public Map<String, String> payload() {
            return DeliveryEvent.payload(orderId, deliveryId, "reason", reason, "refusedAt", refusedAt.toString());
        }
    }
}
