package dev.banyan.monolith.ordering.outbox;

import java.time.Instant;
import java.util.UUID;

import dev.banyan.monolith.ordering.OrderStatus;
import dev.banyan.monolith.ordering.domain.DeliveryHandler;
import dev.banyan.monolith.ordering.domain.Order;
import dev.banyan.monolith.ordering.domain.OrderOutbox;
import dev.banyan.monolith.shared.Ids;
import dev.banyan.monolith.shared.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inserts order events into {@code ordering.outbox} (the column layout of Debezium's outbox event router) in the
 * caller's transaction. Payloads are the v1 documents of the event contracts; no type of this module leaves it.
 */
@Repository
class JdbcOrderOutbox implements OrderOutbox {

    static final String AGGREGATE_TYPE = "order";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    JdbcOrderOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record OrderAcceptedV1(
            String orderId, String restaurantId, String pickupAddress, String dropOffAddress, String acceptedAt) {}

    record OrderCancellationRequestedV1(String orderId, String requestedAt) {}

    record OrderCancelledV1(String orderId, String previousStatus, String cancelledAt) {}

    @Override
    public void accepted(Order order, String pickupAddress) {
        write(
                order,
                "OrderAccepted",
                new OrderAcceptedV1(
                        id(order),
                        order.restaurantId().value().toString(),
                        pickupAddress,
                        order.deliveryAddress(),
                        order.acceptedAt().toString()),
                order.acceptedAt());
    }

    @Override
    public void cancellationRequested(Order order) {
        write(
                order,
                "OrderCancellationRequested",
                new OrderCancellationRequestedV1(id(order), order.updatedAt().toString()),
                order.updatedAt());
    }

    @Override
    public void cancelled(Order order, OrderStatus previousStatus) {
        write(
                order,
                "OrderCancelled",
                new OrderCancelledV1(
                        id(order), previousStatus.name(), order.cancelledAt().toString()),
                order.cancelledAt());
    }

    private void write(Order order, String type, Object payload, Instant occurredAt) {
        // An order cancelled before acceptance was never stamped; no delivery was ever asked for, so the monolith
        // answers for it.
        DeliveryHandler handler = order.deliveryHandler() == null ? DeliveryHandler.MONOLITH : order.deliveryHandler();
        jdbc.sql("insert into ordering.outbox (id, aggregatetype, aggregateid, type, version, handler, payload, "
                        + "occurred_at) values (:id, :aggregateType, :aggregateId, :type, 1, :handler, "
                        + "cast(:payload as jsonb), :occurredAt)")
                .param("id", Ids.random())
                .param("aggregateType", AGGREGATE_TYPE)
                .param("aggregateId", id(order))
                .param("type", type)
                .param("handler", handler.value())
                .param("payload", JSON.writeValueAsString(payload))
                .param("occurredAt", Timestamps.of(occurredAt))
                .update();
    }

    private static String id(Order order) {
        UUID value = order.getId().value();
        return value.toString();
    }
}
