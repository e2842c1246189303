package dev.banyan.catalog.persistence;

import dev.banyan.catalog.domain.OpeningHours;
import dev.banyan.catalog.domain.Restaurant;
import dev.banyan.catalog.domain.RestaurantId;
import dev.banyan.catalog.domain.Restaurants;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcRestaurants implements Restaurants {

    private final JdbcClient jdbc;

    JdbcRestaurants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean exists(RestaurantId id) {
        return jdbc.sql("select exists(select 1 from restaurant where id = ?)")
                .param(id.value())
                .query(Boolean.class)
                .single();
    }

    @Override
    public void add(Restaurant restaurant) {
        jdbc.sql("""
                        insert into restaurant (id, name, category_code, phone_number, address, minimum_order_amount,
                                                delivery_fee, status, created_at, updated_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        restaurant.getId().value(),
                        restaurant.name(),
                        restaurant.category().value(),
                        restaurant.phone(),
                        restaurant.address(),
                        restaurant.minimumOrderAmount().amount(),
                        restaurant.deliveryFee().amount(),
                        restaurant.status().name(),
                        Timestamps.of(restaurant.createdAt()),
                        Timestamps.of(restaurant.updatedAt()),
                        restaurant.version())
                .update();
        for (OpeningHours hours : restaurant.openingHours().days()) {
            jdbc.sql("""
                            insert into opening_hours (restaurant_id, day_of_week, opens_at, closes_at)
                            values (?, ?, ?, ?)""")
                    .params(restaurant.getId().value(), (short) hours.day().getValue(), hours.opens(), hours.closes())
                    .update();
        }
    }
}
