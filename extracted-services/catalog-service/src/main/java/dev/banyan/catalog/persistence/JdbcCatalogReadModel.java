package dev.banyan.catalog.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.banyan.catalog.application.CatalogReadModel;
import dev.banyan.catalog.application.CategoryView;
import dev.banyan.catalog.application.MenuItemView;
import dev.banyan.catalog.application.OpeningHoursView;
import dev.banyan.catalog.application.PageView;
import dev.banyan.catalog.application.RestaurantDetail;
import dev.banyan.catalog.application.RestaurantSummary;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers the read side of the contract with one or two indexed queries per request. Names sort by code point
 * ({@code collate "C"}), like the monolith, so the order does not depend on the server's locale.
 */
@Repository
class JdbcCatalogReadModel implements CatalogReadModel {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<HoursRow>> HOURS = new TypeReference<>() {};
    private static final TypeReference<List<MenuItemView>> MENU = new TypeReference<>() {};
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

    /** One statement for the page and the total; a second only to count when the page is past the end. */
    @Override
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
                })
                .list();
        if (total[0] < 0) {
            JdbcClient.StatementSpec count = jdbc.sql("select count(*) from restaurant" + filter);
            if (category != null) {
                count = count.param("category", category);
            }
            total[0] = count.query(Long.class).single();
        }
        return PageView.of(content, page, size, total[0]);
    }

    /**
     * One statement, so one round trip and one consistent snapshot without a transaction: the restaurant row with
     * its opening hours and its menu aggregated as JSON arrays.
     */
    @Override
    public Optional<RestaurantDetail> restaurant(UUID id) {
        return jdbc.sql("""
                        select %s, created_at, updated_at,
                          (select coalesce(json_agg(json_build_object(
                                      'day', h.day_of_week, 'opens', to_char(h.opens_at, 'HH24:MI'),
                                      'closes', to_char(h.closes_at, 'HH24:MI')) order by h.day_of_week), '[]')
                             from opening_hours h where h.restaurant_id = r.id) as opening_hours,
                          (select coalesce(json_agg(json_build_object(
                                      'id', m.id, 'name', m.name, 'description', m.description,
                                      'price', m.price_krw, 'available', m.available)
                                    order by m.name collate "C", m.id), '[]')
                             from menu_item m where m.restaurant_id = r.id) as menu
                        from restaurant r where r.id = ?""".formatted(SUMMARY_COLUMNS))
                .param(id)
                .query((rs, row) -> detail(rs))
                .optional();
    }

    private static RestaurantDetail detail(ResultSet rs) throws SQLException {
        RestaurantSummary summary = summary(rs);
        List<OpeningHoursView> hours = new ArrayList<>();
        for (HoursRow day : JSON.readValue(rs.getString("opening_hours"), HOURS)) {
            hours.add(new OpeningHoursView(DayOfWeek.of(day.day()).name(), day.opens(), day.closes()));
        }
        List<MenuItemView> menu = JSON.readValue(rs.getString("menu"), MENU);
        return new RestaurantDetail(
                summary.id(),
                summary.name(),
                summary.category(),
                summary.phone(),
                summary.address(),
                summary.minimumOrderAmount(),
                summary.deliveryFee(),
                summary.status(),
                hours,
                menu,
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "updated_at"));
    }

    private record HoursRow(int day, String opens, String closes) {}

    private static RestaurantSummary summary(ResultSet rs) throws SQLException {
        return new RestaurantSummary(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("category_code"),
                rs.getString("phone_number"),
                rs.getString("address"),
                rs.getLong("minimum_order_amount"),
                rs.getLong("delivery_fee"),
                rs.getString("status"));
    }
}
