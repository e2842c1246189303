package dev.banyan.monolith.ordering.persistence;

import java.util.ArrayList;
import java.util.List;

import dev.banyan.monolith.ordering.OrderId;
import dev.banyan.monolith.ordering.OrderImport;
import dev.banyan.monolith.shared.Timestamps;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class JdbcOrderImport implements OrderImport {

    private final JdbcTemplate jdbc;

    JdbcOrderImport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void importDeliveredOrders(List<ImportedOrder> orders) {
        List<Object[]> orderRows = new ArrayList<>();
        List<Object[]> lineRows = new ArrayList<>();
        for (ImportedOrder o : orders) {
            orderRows.add(new Object[] {
                o.id(),
                o.customerId(),
                o.restaurantId(),
                o.deliveryAddress(),
                o.subtotal(),
                o.deliveryFee(),
                o.total(),
                Timestamps.of(o.placedAt()),
                Timestamps.of(o.acceptedAt()),
                Timestamps.of(o.pickedUpAt()),
                Timestamps.of(o.deliveredAt()),
                Timestamps.of(o.deliveredAt())
            });
            int lineNo = 1;
            for (ImportedLine line : o.lines()) {
                lineRows.add(new Object[] {
                    o.id(), lineNo++, line.menuItemId(), line.name(), line.unitPrice(), line.quantity()
                });
            }
        }
        jdbc.batchUpdate(
                "insert into ordering.customer_order (id, customer_id, restaurant_id, delivery_address, "
                        + "status, subtotal, delivery_fee, total, placed_at, accepted_at, picked_up_at, delivered_at, "
                        + "updated_at, version, delivery_handler) "
                        + "values (?, ?, ?, ?, 'DELIVERED', ?, ?, ?, ?, ?, ?, ?, ?, 3, 'monolith') "
                        + "on conflict do nothing",
                orderRows,
                1000,
                JdbcOrderImport::setAll);
        jdbc.batchUpdate(
                "insert into ordering.order_line (order_id, line_no, menu_item_id, name, unit_price, quantity)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict do nothing",
                lineRows,
                1000,
                JdbcOrderImport::setAll);
    }

    @Override
    public boolean orderExists(OrderId orderId) {
        Long count = jdbc.queryForObject(
                "select count(*) from ordering.customer_order where id = ?", Long.class, orderId.value());
        return count != null && count > 0;
    }

    private static void setAll(java.sql.PreparedStatement ps, Object[] row) throws java.sql.SQLException {
        for (int i = 0; i < row.length; i++) {
            ps.setObject(i + 1, row[i]);
        }
    }
}
