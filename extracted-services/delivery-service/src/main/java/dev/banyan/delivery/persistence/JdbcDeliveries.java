package dev.banyan.delivery.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import dev.banyan.delivery.domain.Deliveries;
import dev.banyan.delivery.domain.Delivery;
import dev.banyan.delivery.domain.DeliveryId;
import dev.banyan.delivery.domain.DeliveryStatus;
import dev.banyan.delivery.domain.OrderId;
import dev.banyan.delivery.domain.RestaurantId;
import dev.banyan.delivery.domain.RiderId;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDeliveries implements Deliveries {

    private static final String COLUMNS = "id, order_id, rider_id, restaurant_id, pickup_address, drop_off_address, "
            + "status, assigned_at, picked_up_at, delivered_at, cancelled_at, version";

    private final JdbcClient jdbc;

    JdbcDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Delivery> findByOrder(OrderId orderId) {
        return jdbc.sql("select " + COLUMNS + " from delivery where order_id = :order")
                .param("order", orderId.value())
                .query((rows, n) -> map(rows))
                .optional();
    }

    @Override
    public Optional<Delivery> lockByOrder(OrderId orderId) {
        return jdbc.sql("select " + COLUMNS + " from delivery where order_id = :order for update")
                .param("order", orderId.value())
                .query((rows, n) -> map(rows))
                .optional();
    }

    @Override
    public boolean owns(OrderId orderId) {
        return jdbc.sql("select owned from delivery where order_id = :order")
                .param("order", orderId.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    @Override
    public boolean addIfAbsent(Delivery delivery) {
        return jdbc.sql("insert into delivery (" + COLUMNS + ", owned) values (:id, :order, :rider, :restaurant, "
                                + ":pickup, :dropOff, :status, :assigned, :pickedUp, :delivered, :cancelled, :version, "
                                + "true) "
                                + "on conflict (order_id) do nothing")
                        .param("id", delivery.getId().value())
                        .param("order", delivery.orderId().value())
                        .param(
                                "rider",
                                delivery.riderId() == null
                                        ? null
                                        : delivery.riderId().value())
                        .param(
                                "restaurant",
                                delivery.restaurantId() == null
                                        ? null
                                        : delivery.restaurantId().value())
                        .param("pickup", delivery.pickupAddress())
                        .param("dropOff", delivery.dropOffAddress())
                        .param("status", delivery.status().name())
                        .param("assigned", Timestamps.of(delivery.assignedAt()))
                        .param("pickedUp", Timestamps.of(delivery.pickedUpAt()))
                        .param("delivered", Timestamps.of(delivery.deliveredAt()))
                        .param("cancelled", Timestamps.of(delivery.cancelledAt()))
                        .param("version", delivery.version())
                        .update()
                == 1;
    }

    @Override
    public void update(Delivery delivery) {
        int changed = jdbc.sql("update delivery set status = :status, picked_up_at = :pickedUp, "
                        + "delivered_at = :delivered, cancelled_at = :cancelled, version = version + 1 "
                        + "where id = :id and version = :version")
                .param("status", delivery.status().name())
                .param("pickedUp", Timestamps.of(delivery.pickedUpAt()))
                .param("delivered", Timestamps.of(delivery.deliveredAt()))
                .param("cancelled", Timestamps.of(delivery.cancelledAt()))
                .param("id", delivery.getId().value())
                .param("version", delivery.version())
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException(
                    "Delivery of order " + delivery.orderId() + " was changed concurrently");
        }
    }

    private static Delivery map(ResultSet rows) throws SQLException {
        UUID rider = rows.getObject("rider_id", UUID.class);
        UUID restaurant = rows.getObject("restaurant_id", UUID.class);
        return new Delivery(
                new DeliveryId(rows.getObject("id", UUID.class)),
                new OrderId(rows.getObject("order_id", UUID.class)),
                rider == null ? null : new RiderId(rider),
                restaurant == null ? null : new RestaurantId(restaurant),
                rows.getString("pickup_address"),
                rows.getString("drop_off_address"),
                DeliveryStatus.valueOf(rows.getString("status")),
                Timestamps.read(rows, "assigned_at"),
                Timestamps.read(rows, "picked_up_at"),
                Timestamps.read(rows, "delivered_at"),
                Timestamps.read(rows, "cancelled_at"),
                rows.getLong("version"));
    }
}
