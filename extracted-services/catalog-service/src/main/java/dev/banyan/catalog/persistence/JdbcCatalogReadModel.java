package dev.banyan.catalog.persistence;

import dev.banyan.catalog.application.CatalogReadModel;
import dev.banyan.catalog.application.CategoryView;
import dev.banyan.catalog.application.MenuItemView;
import dev.banyan.catalog.application.OpeningHoursView;
import dev.banyan.catalog.application.PageView;
import dev.banyan.catalog.application.RestaurantDetail;
import dev.banyan.catalog.application.RestaurantSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers the read side of the contract with one or two indexed queries per request. Names sort by code point
 * ({@code collate "C"}), like the monolith, so the order does not depend on the server's locale.
 */
@Repository
class JdbcCatalogReadModel implements CatalogReadModel {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final String SUMMARY_COLUMNS = """
            id, name, category_code, phone_number, address, minimum_order_amount, delivery_fee, status""";

    private final JdbcClient jdbc;

    JdbcCatalogReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<CategoryView> categories() {
        return jdbc.sql("select code, name from category order by sort_order, code")
                .query((rs, row) -> new CategoryView(rs.getString(1), rs.getString(2)))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public PageView<RestaurantSummary> restaurants(String category, int page, int size) {
        long offset = (long) page * size;
        String filter = category == null ? "" : " where category_code = :category";
        JdbcClient.StatementSpec query = jdbc.sql("select " + SUMMARY_COLUMNS + ", count(*) over () as total"
                        + " from restaurant" + filter + " order by name collate \"C\", id limit :size offset :offset")
                .param("size", size)
                .param("offset", offset);
        if (category != null) {
            query = query.param("category", category);
        }
        long[] total = {-1};
        List<RestaurantSummary> content = query.query((rs, row) -> {
            total[0] = rs.getLong("total");
            return summary(rs);
        }).list();
        if (total[0] < 0) {
            JdbcClient.StatementSpec count = jdbc.sql("select count(*) from restaurant" + filter);
            if (category != null) {
                count = count.param("category", category);
            }
            total[0] = count.query(Long.class).single();
        }
        return PageView.of(content, page, size, total[0]);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<RestaurantDetail> restaurant(UUID id) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + ", created_at, updated_at from restaurant where id = ?")
                .param(id)
                .query((rs, row) -> detail(rs))
                .optional()
                .map(found -> withHoursAndMenu(found, id));
    }

    private RestaurantDetail withHoursAndMenu(RestaurantDetail restaurant, UUID id) {
        List<OpeningHoursView> hours = jdbc.sql("""
                        select day_of_week, opens_at, closes_at from opening_hours
                        where restaurant_id = ? order by day_of_week""")
                .param(id)
                .query((rs, row) -> new OpeningHoursView(DayOfWeek.of(rs.getInt(1)).name(),
                        time(rs.getObject(2, LocalTime.class)), time(rs.getObject(3, LocalTime.class))))
                .list();
        List<MenuItemView> menu = jdbc.sql("""
                        select id, name, description, price_krw, available from menu_item
                        where restaurant_id = ? order by name collate "C", id""")
                .param(id)
                .query((rs, row) -> new MenuItemView(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getLong(4), rs.getBoolean(5)))
                .list();
        return new RestaurantDetail(restaurant.id(), restaurant.name(), restaurant.category(), restaurant.phone(),
                restaurant.address(), restaurant.minimumOrderAmount(), restaurant.deliveryFee(), restaurant.status(),
                new ArrayList<>(hours), new ArrayList<>(menu), restaurant.createdAt(), restaurant.updatedAt());
    }

    private static RestaurantSummary summary(ResultSet rs) throws SQLException {
        return new RestaurantSummary(rs.getObject("id", UUID.class), rs.getString("name"),
                rs.getString("category_code"), rs.getString("phone_number"), rs.getString("address"),
                rs.getLong("minimum_order_amount"), rs.getLong("delivery_fee"), rs.getString("status"));
    }

    private static RestaurantDetail detail(ResultSet rs) throws SQLException {
        RestaurantSummary summary = summary(rs);
        return new RestaurantDetail(summary.id(), summary.name(), summary.category(), summary.phone(),
                summary.address(), summary.minimumOrderAmount(), summary.deliveryFee(), summary.status(),
                List.of(), List.of(), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static String time(LocalTime time) {
        return HH_MM.format(time);
    }
}
