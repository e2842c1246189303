package dev.banyan.monolith.catalog.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.banyan.monolith.catalog.RestaurantId;
import dev.banyan.monolith.catalog.RestaurantStatus;
import dev.banyan.monolith.catalog.domain.OpeningHours;
import dev.banyan.monolith.catalog.domain.Restaurant;
import dev.banyan.monolith.catalog.domain.Restaurants;
import dev.banyan.monolith.shared.Timestamps;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcRestaurants implements Restaurants {

    private static final String COLUMNS = "id, name, category_code, phone, address, minimum_order_amount, "
            + "delivery_fee, status, created_at, updated_at, version";

    private final JdbcClient jdbc;

    JdbcRestaurants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Restaurant> findById(RestaurantId id) {
        List<OpeningHours> hours = hoursOf(List.of(id.value())).getOrDefault(id.value(), List.of());
        return jdbc.sql("select " + COLUMNS + " from catalog.restaurant where id = :id")
                .param("id", id.value())
                .query((rows, n) -> map(rows, hours))
                .optional();
    }

    @Override
    public boolean exists(RestaurantId id) {
        return jdbc.sql("select count(*) from catalog.restaurant where id = :id")
                        .param("id", id.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Override
    public void add(Restaurant restaurant) {
        jdbc.sql("insert into catalog.restaurant (" + COLUMNS + ") values (:id, :name, :category, :phone, :address, "
                        + ":minimum, :fee, :status, :created, :updated, :version)")
                .param("id", restaurant.getId().value())
                .param("name", restaurant.name())
                .param("category", restaurant.categoryCode())
                .param("phone", restaurant.phone())
                .param("address", restaurant.address())
                .param("minimum", restaurant.minimumOrderAmount())
                .param("fee", restaurant.deliveryFee())
                .param("status", restaurant.status().name())
                .param("created", Timestamps.of(restaurant.createdAt()))
                .param("updated", Timestamps.of(restaurant.updatedAt()))
                .param("version", restaurant.version())
                .update();
        insertHours(restaurant);
    }

    @Override
    public void update(Restaurant restaurant) {
        int changed = jdbc.sql("update catalog.restaurant set status = :status, updated_at = :updated, "
                        + "version = version + 1 where id = :id and version = :version")
                .param("status", restaurant.status().name())
                .param("updated", Timestamps.of(restaurant.updatedAt()))
                .param("id", restaurant.getId().value())
                .param("version", restaurant.version())
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("Restaurant " + restaurant.getId()
                    + " was changed or deleted concurrently (expected version " + restaurant.version() + ")");
        }
    }

    private void insertHours(Restaurant restaurant) {
        for (OpeningHours hours : restaurant.openingHours()) {
            jdbc.sql("insert into catalog.opening_hours (restaurant_id, day_of_week, opens_at, closes_at) "
                            + "values (:id, :day, :opens, :closes)")
                    .param("id", restaurant.getId().value())
                    .param("day", (short) hours.day().getValue())
                    .param("opens", hours.opens())
                    .param("closes", hours.closes())
                    .update();
        }
    }

    @Override
    public List<Restaurant> page(String categoryCode, int page, int size) {
        String where = categoryCode == null ? "" : " where category_code = :category";
        var statement = jdbc.sql("select " + COLUMNS + " from catalog.restaurant" + where
                        + " order by name collate \"C\", id limit :limit offset :offset")
                .param("limit", size)
                .param("offset", (long) page * size);
        if (categoryCode != null) {
            statement = statement.param("category", categoryCode);
        }
        List<UUID> ids = new ArrayList<>();
        List<Restaurant> shells = statement
                .query((rows, n) -> {
                    ids.add(rows.getObject("id", UUID.class));
                    return map(rows, List.of());
                })
                .list();
        if (shells.isEmpty()) {
            return shells;
        }
        Map<UUID, List<OpeningHours>> hours = hoursOf(ids);
        return shells.stream()
                .map(shell -> withHours(shell, hours.getOrDefault(shell.getId().value(), List.of())))
                .toList();
    }

    @Override
    public long count(String categoryCode) {
        if (categoryCode == null) {
            return jdbc.sql("select count(*) from catalog.restaurant")
                    .query(Long.class)
                    .single();
        }
        return jdbc.sql("select count(*) from catalog.restaurant where category_code = :category")
                .param("category", categoryCode)
                .query(Long.class)
                .single();
    }

    private Map<UUID, List<OpeningHours>> hoursOf(List<UUID> restaurantIds) {
        Map<UUID, List<OpeningHours>> result = new HashMap<>();
        jdbc.sql("select restaurant_id, day_of_week, opens_at, closes_at from catalog.opening_hours "
                        + "where restaurant_id in (:ids) order by restaurant_id, day_of_week")
                .param("ids", restaurantIds)
                .query(rows -> {
                    result.computeIfAbsent(rows.getObject("restaurant_id", UUID.class), id -> new ArrayList<>())
                            .add(new OpeningHours(
                                    DayOfWeek.of(rows.getInt("day_of_week")),
                                    rows.getObject("opens_at", LocalTime.class),
                                    rows.getObject("closes_at", LocalTime.class)));
                });
        return result;
    }

    private static Restaurant withHours(Restaurant r, List<OpeningHours> hours) {
        return new Restaurant(
                r.getId(),
                r.name(),
                r.categoryCode(),
                r.phone(),
                r.address(),
                r.minimumOrderAmount(),
                r.deliveryFee(),
                r.status(),
                hours,
                r.createdAt(),
                r.updatedAt(),
                r.version());
    }

    private static Restaurant map(ResultSet rows, List<OpeningHours> hours) throws SQLException {
        return new Restaurant(
                new RestaurantId(rows.getObject("id", UUID.class)),
                rows.getString("name"),
                rows.getString("category_code"),
                rows.getString("phone"),
                rows.getString("address"),
                rows.getLong("minimum_order_amount"),
                rows.getLong("delivery_fee"),
                RestaurantStatus.valueOf(rows.getString("status")),
                hours,
                Timestamps.read(rows, "created_at"),
                Timestamps.read(rows, "updated_at"),
                rows.getLong("version"));
    }
}
