package dev.banyan.monolith.delivery.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.banyan.monolith.delivery.DeliveryImport;
import dev.banyan.monolith.delivery.RiderId;
import dev.banyan.monolith.shared.Timestamps;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class JdbcDeliveryImport implements DeliveryImport {

    private final JdbcTemplate jdbc;

    JdbcDeliveryImport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void importCompletedDeliveries(List<ImportedDelivery> deliveries) {
        List<Object[]> rows = new ArrayList<>();
        for (ImportedDelivery d : deliveries) {
            rows.add(new Object[] {
                d.id(),
                d.orderId(),
                d.riderId(),
                d.restaurantId(),
                d.pickupAddress(),
                d.dropOffAddress(),
                Timestamps.of(d.assignedAt()),
                Timestamps.of(d.pickedUpAt()),
                Timestamps.of(d.deliveredAt())
            });
        }
        jdbc.batchUpdate(
                "insert into delivery.delivery (id, order_id, rider_id, restaurant_id, pickup_address, "
                        + "drop_off_address, status, assigned_at, picked_up_at, delivered_at, cancelled_at, version) "
                        + "values (?, ?, ?, ?, ?, ?, 'DELIVERED', ?, ?, ?, null, 2) on conflict do nothing",
                rows,
                1000,
                (ps, row) -> {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                });
    }

    @Override
    public List<RiderId> riders() {
        return jdbc.query(
                "select id from delivery.rider order by name collate \"C\", id",
                (row, n) -> new RiderId(row.getObject("id", UUID.class)));
    }
}
