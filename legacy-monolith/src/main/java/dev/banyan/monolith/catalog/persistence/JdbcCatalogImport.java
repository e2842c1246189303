package dev.banyan.monolith.catalog.persistence;

import java.util.ArrayList;
import java.util.List;

import dev.banyan.monolith.catalog.CatalogImport;
import dev.banyan.monolith.catalog.RestaurantId;
import dev.banyan.monolith.shared.Timestamps;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Batch inserts for demo data; {@code on conflict do nothing} makes a repeated import harmless. */
@Component
class JdbcCatalogImport implements CatalogImport {

    private final JdbcTemplate jdbc;

    JdbcCatalogImport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public int importRestaurants(List<ImportedRestaurant> restaurants) {
        List<Object[]> restaurantRows = new ArrayList<>();
        List<Object[]> hourRows = new ArrayList<>();
        List<Object[]> itemRows = new ArrayList<>();
        for (ImportedRestaurant r : restaurants) {
            var created = Timestamps.of(r.createdAt());
            restaurantRows.add(new Object[] {
                r.id(),
                r.name(),
                r.categoryCode(),
                r.phone(),
                r.address(),
                r.minimumOrderAmount(),
                r.deliveryFee(),
                r.status(),
                created,
                created
            });
            for (ImportedHours h : r.openingHours()) {
                hourRows.add(new Object[] {r.id(), (short) h.dayOfWeek(), h.opens(), h.closes()});
            }
            for (ImportedMenuItem m : r.menu()) {
                itemRows.add(new Object[] {
                    m.id(), r.id(), m.name(), m.description(), m.price(), m.available(), created, created
                });
            }
        }
        int[][] inserted = jdbc.batchUpdate(
                "insert into catalog.restaurant (id, name, category_code, phone, address, "
                        + "minimum_order_amount, delivery_fee, status, created_at, updated_at, version) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0) on conflict (id) do nothing",
                restaurantRows,
                500,
                (ps, row) -> setAll(ps, row));
        jdbc.batchUpdate(
                "insert into catalog.opening_hours (restaurant_id, day_of_week, opens_at, closes_at) "
                        + "values (?, ?, ?, ?) on conflict do nothing",
                hourRows,
                1000,
                (ps, row) -> setAll(ps, row));
        jdbc.batchUpdate(
                "insert into catalog.menu_item (id, restaurant_id, name, description, price, available, "
                        + "created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, 0) on conflict (id) do nothing",
                itemRows,
                1000,
                (ps, row) -> setAll(ps, row));
        int count = 0;
        for (int[] batch : inserted) {
            for (int n : batch) {
                count += Math.max(n, 0);
            }
        }
        return count;
    }

    @Override
    public boolean restaurantExists(RestaurantId id) {
        Long count =
                jdbc.queryForObject("select count(*) from catalog.restaurant where id = ?", Long.class, id.value());
        return count != null && count > 0;
    }

    private static void setAll(java.sql.PreparedStatement ps, Object[] row) throws java.sql.SQLException {
        for (int i = 0; i < row.length; i++) {
            ps.setObject(i + 1, row[i]);
        }
    }
}
