package dev.banyan.catalog.persistence;

import dev.banyan.catalog.domain.CategoryCode;
import dev.banyan.catalog.domain.Krw;
import dev.banyan.catalog.domain.OpeningHours;
import dev.banyan.catalog.domain.Restaurant;
import dev.banyan.catalog.domain.RestaurantId;
import dev.banyan.catalog.domain.RestaurantStatus;
import dev.banyan.catalog.domain.Restaurants;
import dev.banyan.catalog.domain.WeeklyOpeningHours;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

@Repository
class JdbcRestaurants implements Restaurants {

    private final JdbcClient jdbc;

    JdbcRestaurants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Restaurant> findById(RestaurantId id) {
        List<OpeningHours> hours = jdbc.sql("""
                        select day_of_week, opens_at, closes_at from opening_hours
                        where restaurant_id = ? order by day_of_week""")
                .param(id.value())
                .query((rs, row) -> new OpeningHours(DayOfWeek.of(rs.getInt(1)), rs.getObject(2, LocalTime.class),
                        rs.getObject(3, LocalTime.class)))
                .list();
        return jdbc.sql("""
                        select name, category_code, phone_number, address, minimum_order_amount, delivery_fee,
                               status, created_at, updated_at, version
                        from restaurant where id = ?""")
                .param(id.value())
                .query((rs, row) -> Restaurant.restore(id, rs.getString(1), new CategoryCode(rs.getString(2)),
                        rs.getString(3), rs.getString(4), Krw.of(rs.getLong(5)), Krw.of(rs.getLong(6)),
                        WeeklyOpeningHours.of(hours), RestaurantStatus.valueOf(rs.getString(7)),
                        Timestamps.read(rs, 8), Timestamps.read(rs, 9), rs.getLong(10)))
                .optional();
    }

    @Override
    public boolean exists(RestaurantId id) {
        return jdbc.sql("select exists(select 1 from restaurant where id = ?)").param(id.value())
                .query(Boolean.class).single();
    }

    @Override
    public void add(Restaurant restaurant) {
        jdbc.sql("""
                        insert into restaurant (id, name, category_code, phone_number, address, minimum_order_amount,
                                                delivery_fee, status, created_at, updated_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(restaurant.getId().value(), restaurant.name(), restaurant.category().value(),
                        restaurant.phone(), restaurant.address(), restaurant.minimumOrderAmount().amount(),
                        restaurant.deliveryFee().amount(), restaurant.status().name(),
                        Timestamps.of(restaurant.createdAt()), Timestamps.of(restaurant.updatedAt()),
                        restaurant.version())
                .update();
        for (OpeningHours hours : restaurant.openingHours().days()) {
            jdbc.sql("""
                            insert into opening_hours (restaurant_id, day_of_week, opens_at, closes_at)
                            values (?, ?, ?, ?)""")
                    .params(restaurant.getId().value(), (short) hours.day().getValue(), hours.opens(),
                            hours.closes())
                    .update();
        }
    }
}
