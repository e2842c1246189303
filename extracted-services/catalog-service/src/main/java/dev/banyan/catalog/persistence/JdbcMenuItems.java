package dev.banyan.catalog.persistence;

import java.util.Optional;
import java.util.UUID;

import dev.banyan.catalog.domain.Krw;
import dev.banyan.catalog.domain.MenuItem;
import dev.banyan.catalog.domain.MenuItemId;
import dev.banyan.catalog.domain.MenuItems;
import dev.banyan.catalog.domain.RestaurantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcMenuItems implements MenuItems {

    private final JdbcClient jdbc;

    JdbcMenuItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<MenuItem> findById(MenuItemId id) {
        return jdbc.sql("""
                        select restaurant_id, name, description, price_krw, available, created_at, updated_at, version
                        from menu_item where id = ?""")
                .param(id.value())
                .query((rs, row) -> MenuItem.restore(
                        id,
                        new RestaurantId(rs.getObject(1, UUID.class)),
                        rs.getString(2),
                        rs.getString(3),
                        Krw.of(rs.getLong(4)),
                        rs.getBoolean(5),
                        Timestamps.read(rs, 6),
                        Timestamps.read(rs, 7),
                        rs.getLong(8)))
                .optional();
    }

    @Override
    public void add(MenuItem item) {
        jdbc.sql("""
                        insert into menu_item (id, restaurant_id, name, description, price_krw, available,
                                               created_at, updated_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        item.getId().value(),
                        item.restaurant().value(),
                        item.name(),
                        item.description(),
                        item.price().amount(),
                        item.available(),
                        Timestamps.of(item.createdAt()),
                        Timestamps.of(item.updatedAt()),
                        item.version())
                .update();
    }

    @Override
    public void update(MenuItem item) {
        int updated = jdbc.sql("""
                        update menu_item set price_krw = ?, available = ?, updated_at = ?, version = version + 1
                        where id = ? and version = ?""")
                .params(
                        item.price().amount(),
                        item.available(),
                        Timestamps.of(item.updatedAt()),
                        item.getId().value(),
                        item.version())
                .update();
        if (updated != 1) {
            throw new ConcurrentModificationException(item.getId(), item.version());
        }
    }
}
