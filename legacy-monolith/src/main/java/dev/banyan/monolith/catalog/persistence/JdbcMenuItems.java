package dev.banyan.monolith.catalog.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.banyan.monolith.catalog.MenuItemId;
import dev.banyan.monolith.catalog.RestaurantId;
import dev.banyan.monolith.catalog.domain.MenuItem;
import dev.banyan.monolith.catalog.domain.MenuItems;
import dev.banyan.monolith.shared.Timestamps;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcMenuItems implements MenuItems {

    private static final String COLUMNS =
            "id, restaurant_id, name, description, price, available, created_at, updated_at, version";

    private final JdbcClient jdbc;

    JdbcMenuItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<MenuItem> findById(MenuItemId id) {
        return jdbc.sql("select " + COLUMNS + " from catalog.menu_item where id = :id")
                .param("id", id.value())
                .query((rows, n) -> map(rows))
                .optional();
    }

    @Override
    public List<MenuItem> menuOf(RestaurantId restaurantId) {
        return jdbc.sql("select " + COLUMNS + " from catalog.menu_item where restaurant_id = :restaurant "
                        + "order by name collate \"C\", id")
                .param("restaurant", restaurantId.value())
                .query((rows, n) -> map(rows))
                .list();
    }

    @Override
    public void add(MenuItem item) {
        jdbc.sql("insert into catalog.menu_item (" + COLUMNS + ") values (:id, :restaurant, :name, :description, "
                        + ":price, :available, :created, :updated, :version)")
                .param("id", item.getId().value())
                .param("restaurant", item.restaurantId().value())
                .param("name", item.name())
                .param("description", item.description())
                .param("price", item.price())
                .param("available", item.available())
                .param("created", Timestamps.of(item.createdAt()))
                .param("updated", Timestamps.of(item.updatedAt()))
                .param("version", item.version())
                .update();
    }

    @Override
    public void update(MenuItem item) {
        int changed = jdbc.sql("update catalog.menu_item set price = :price, available = :available, "
                        + "updated_at = :updated, version = version + 1 where id = :id and version = :version")
                .param("price", item.price())
                .param("available", item.available())
                .param("updated", Timestamps.of(item.updatedAt()))
                .param("id", item.getId().value())
                .param("version", item.version())
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("Menu item " + item.getId()
                    + " was changed or deleted concurrently (expected version " + item.version() + ")");
        }
    }

    private static MenuItem map(ResultSet rows) throws SQLException {
        return new MenuItem(
                new MenuItemId(rows.getObject("id", UUID.class)),
                new RestaurantId(rows.getObject("restaurant_id", UUID.class)),
                rows.getString("name"),
                rows.getString("description"),
                rows.getLong("price"),
                rows.getBoolean("available"),
                Timestamps.read(rows, "created_at"),
                Timestamps.read(rows, "updated_at"),
                rows.getLong("version"));
    }
}
