package dev.banyan.monolith.ordering.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.banyan.monolith.catalog.MenuItemId;
import dev.banyan.monolith.catalog.RestaurantId;
import dev.banyan.monolith.customer.CustomerId;
import dev.banyan.monolith.ordering.OrderId;
import dev.banyan.monolith.ordering.OrderStatus;
import dev.banyan.monolith.ordering.domain.DeliveryHandler;
import dev.banyan.monolith.ordering.domain.Order;
import dev.banyan.monolith.ordering.domain.OrderLine;
import dev.banyan.monolith.ordering.domain.OrderRequest;
import dev.banyan.monolith.ordering.domain.Orders;
import dev.banyan.monolith.shared.Krw;
import dev.banyan.monolith.shared.Timestamps;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcOrders implements Orders {

    private static final String COLUMNS = "id, customer_id, restaurant_id, delivery_address, status, subtotal, "
            + "delivery_fee, total, idempotency_key, request_fingerprint, placed_at, accepted_at, picked_up_at, "
            + "delivered_at, cancelled_at, updated_at, version, delivery_handler";

    private final JdbcClient jdbc;

    JdbcOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Order> findById(OrderId id) {
        return find("id = :value", id.value());
    }

    @Override
    public Optional<Order> lockById(OrderId id) {
        return find("id = :value for update", id.value());
    }

    @Override
    public OrderRequest claim(
            CustomerId customerId, String idempotencyKey, OrderId candidate, String requestFingerprint, Instant now) {
        jdbc.sql("insert into ordering.order_request (customer_id, idempotency_key, order_id, request_fingerprint, "
                        + "created_at) values (:customer, :key, :order, :fingerprint, :now) "
                        + "on conflict (customer_id, idempotency_key) do nothing")
                .param("customer", customerId.value())
                .param("key", idempotencyKey)
                .param("order", candidate.value())
                .param("fingerprint", requestFingerprint)
                .param("now", Timestamps.of(now))
                .update();
        return findRequest(customerId, idempotencyKey).orElseThrow();
    }

    @Override
    public Optional<OrderRequest> findRequest(CustomerId customerId, String idempotencyKey) {
        return jdbc.sql("select order_id, request_fingerprint from ordering.order_request "
                        + "where customer_id = :customer and idempotency_key = :key")
                .param("customer", customerId.value())
                .param("key", idempotencyKey)
                .query((rows, n) -> new OrderRequest(
                        customerId,
                        idempotencyKey,
                        new OrderId(rows.getObject("order_id", UUID.class)),
                        rows.getString("request_fingerprint")))
                .optional();
    }

    private Optional<Order> find(String condition, Object value) {
        return jdbc.sql("select " + COLUMNS + " from ordering.customer_order where " + condition)
                .param("value", value)
                .query((rows, n) -> map(rows))
                .optional();
    }

    private List<OrderLine> linesOf(UUID orderId) {
        return jdbc.sql("select menu_item_id, name, unit_price, quantity from ordering.order_line "
                        + "where order_id = :id order by line_no")
                .param("id", orderId)
                .query((rows, n) -> new OrderLine(
                        new MenuItemId(rows.getObject("menu_item_id", UUID.class)),
                        rows.getString("name"),
                        Krw.of(rows.getLong("unit_price")),
                        rows.getInt("quantity")))
                .list();
    }

    @Override
    public void add(Order order) {
        jdbc.sql("insert into ordering.customer_order (" + COLUMNS + ") values (:id, :customer, :restaurant, "
                        + ":address, :status, :subtotal, :fee, :total, :key, :fingerprint, :placed, :accepted, "
                        + ":pickedUp, :delivered, :cancelled, :updated, :version, :handler)")
                .param("id", order.getId().value())
                .param("customer", order.customerId().value())
                .param("restaurant", order.restaurantId().value())
                .param("address", order.deliveryAddress())
                .param("status", order.status().name())
                .param("subtotal", order.subtotal().amount())
                .param("fee", order.deliveryFee().amount())
                .param("total", order.total().amount())
                .param("key", order.idempotencyKey())
                .param("fingerprint", order.requestFingerprint())
                .param("placed", Timestamps.of(order.placedAt()))
                .param("accepted", Timestamps.of(order.acceptedAt()))
                .param("pickedUp", Timestamps.of(order.pickedUpAt()))
                .param("delivered", Timestamps.of(order.deliveredAt()))
                .param("cancelled", Timestamps.of(order.cancelledAt()))
                .param("updated", Timestamps.of(order.updatedAt()))
                .param("version", order.version())
                .param("handler", handler(order))
                .update();
        int lineNo = 1;
        for (OrderLine line : order.lines()) {
            jdbc.sql("insert into ordering.order_line (order_id, line_no, menu_item_id, name, unit_price, quantity) "
                            + "values (:order, :lineNo, :item, :name, :price, :quantity)")
                    .param("order", order.getId().value())
                    .param("lineNo", lineNo++)
                    .param("item", line.menuItemId().value())
                    .param("name", line.name())
                    .param("price", line.unitPrice().amount())
                    .param("quantity", line.quantity())
                    .update();
        }
    }

    @Override
    public void update(Order order) {
        int changed = jdbc.sql("update ordering.customer_order set status = :status, accepted_at = :accepted, "
                        + "picked_up_at = :pickedUp, delivered_at = :delivered, cancelled_at = :cancelled, "
                        + "updated_at = :updated, delivery_handler = :handler, version = version + 1 "
                        + "where id = :id and version = :version")
                .param("status", order.status().name())
                .param("accepted", Timestamps.of(order.acceptedAt()))
                .param("pickedUp", Timestamps.of(order.pickedUpAt()))
                .param("delivered", Timestamps.of(order.deliveredAt()))
                .param("cancelled", Timestamps.of(order.cancelledAt()))
                .param("updated", Timestamps.of(order.updatedAt()))
                .param("handler", handler(order))
                .param("id", order.getId().value())
                .param("version", order.version())
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("Order " + order.getId() + " was changed concurrently");
        }
    }

    private Order map(ResultSet rows) throws SQLException {
        UUID id = rows.getObject("id", UUID.class);
        Order.Contents contents = new Order.Contents(
                new CustomerId(rows.getObject("customer_id", UUID.class)),
                new RestaurantId(rows.getObject("restaurant_id", UUID.class)),
                rows.getString("delivery_address"),
                linesOf(id),
                Krw.of(rows.getLong("delivery_fee")));
        Order.Lifecycle lifecycle = new Order.Lifecycle(
                OrderStatus.valueOf(rows.getString("status")),
                Timestamps.read(rows, "placed_at"),
                Timestamps.read(rows, "accepted_at"),
                Timestamps.read(rows, "picked_up_at"),
                Timestamps.read(rows, "delivered_at"),
                Timestamps.read(rows, "cancelled_at"),
                Timestamps.read(rows, "updated_at"));
        return Order.restore(
                new OrderId(id),
                contents,
                rows.getString("idempotency_key"),
                rows.getString("request_fingerprint"),
                lifecycle,
                rows.getString("delivery_handler") == null
                        ? null
                        : DeliveryHandler.of(rows.getString("delivery_handler")),
                rows.getLong("version"));
    }

    private static String handler(Order order) {
        return order.deliveryHandler() == null ? null : order.deliveryHandler().value();
    }
}
