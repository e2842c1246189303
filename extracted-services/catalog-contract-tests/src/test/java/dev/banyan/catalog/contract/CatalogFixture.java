package dev.banyan.catalog.contract;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The data both applications serve during the suite: restaurants across categories (Korean and Latin names, two
 * restaurants with the same name, a closed one, one without phone, hours past midnight and around the clock,
 * menus with equal names, missing descriptions and unavailable dishes). It is written into the monolith's tables
 * and then copied into the service's tables through {@link CatalogTableMapping}, so both hold the same rows.
 * The categories are the monolith's own reference data.
 */
final class CatalogFixture {

    static final Instant CREATED = Instant.parse("2026-01-15T01:30:00.123456Z");

    record Hours(int dayOfWeek, LocalTime opens, LocalTime closes) {}

    record Item(UUID id, String name, String description, long price, boolean available) {}

    record Restaurant(
            UUID id,
            String name,
            String category,
            String phone,
            String address,
            long minimumOrderAmount,
            long deliveryFee,
            String status,
            List<Hours> hours,
            List<Item> menu) {}

    static final List<Restaurant> RESTAURANTS = restaurants();

    private CatalogFixture() {}

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("banyan-contract:" + name).getBytes(StandardCharsets.UTF_8));
    }

    /** The fixture restaurant called {@code name} (the first one, if two share it). */
    static Restaurant restaurant(String name) {
        return RESTAURANTS.stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no fixture restaurant " + name));
    }

    private static List<Restaurant> restaurants() {
        List<Restaurant> all = new ArrayList<>();
        String[] chicken = {
            "교촌치킨 강남점",
            "BBQ 치킨 역삼점",
            "BBQ 치킨 역삼점",
            "bhc 선릉점",
            "BHC 삼성점",
            "굽네치킨",
            "네네치킨",
            "처갓집양념치킨",
            "푸라닭",
            "60계치킨",
            "호식이두마리치킨",
            "또래오래"
        };
        String[] pizza = {"도미노피자 서초점", "피자헛", "파파존스", "미스터피자", "피자알볼로", "Pizza School", "반올림피자", "7번가피자"};
        String[] korean = {"본죽", "한솥도시락", "김밥천국", "북창동순두부", "원할머니보쌈", "백종원의 한신포차", "명동칼국수", "전주비빔밥", "놀부부대찌개", "신선설농탕"};
        String[] bunsik = {"신전떡볶이", "엽기떡볶이", "죠스떡볶이", "국대떡볶이"};
        String[] cafe = {"스타벅스", "메가커피", "설빙"};
        Map<String, String[]> byCategory = new java.util.LinkedHashMap<>();
        byCategory.put("chicken", chicken);
        byCategory.put("pizza", pizza);
        byCategory.put("korean", korean);
        byCategory.put("bunsik", bunsik);
        byCategory.put("cafe", cafe);
        int n = 0;
        for (Map.Entry<String, String[]> category : byCategory.entrySet()) {
            for (String name : category.getValue()) {
                String key = category.getKey() + "-" + n;
                all.add(new Restaurant(
                        id(key),
                        name,
                        category.getKey(),
                        n % 7 == 3 ? null : String.format("02-%03d-%04d", 500 + n, 1000 + n * 37),
                        "서울특별시 강남구 테헤란로 " + (100 + n) + "길 " + (n % 9 + 1),
                        10000 + (n % 5) * 2500L,
                        (n % 4) * 1000L,
                        n % 11 == 5 ? "CLOSED" : "OPEN",
                        hours(n),
                        menu(key, n)));
                n++;
            }
        }
        return List.copyOf(all);
    }

    private static List<Hours> hours(int n) {
        List<Hours> hours = new ArrayList<>();
        if (n % 6 == 4) {
            return hours;
        }
        for (int day = 1; day <= 7; day++) {
            if ((day + n) % 8 == 0) {
                continue;
            }
            if (n % 5 == 1) {
                hours.add(new Hours(day, LocalTime.of(17, 0), LocalTime.of(2, 30)));
            } else if (n % 9 == 2) {
                hours.add(new Hours(day, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT));
            } else {
                hours.add(new Hours(day, LocalTime.of(10 + n % 3, n % 2 * 30), LocalTime.of(21 + day % 3, 0)));
            }
        }
        return hours;
    }

    private static List<Item> menu(String key, int n) {
        String[][] dishes = {
            {"후라이드치킨", "바삭한 후라이드"},
            {"양념치킨", null},
            {"반반치킨", "후라이드 반 + 양념 반"},
            {"치즈볼", "5개"},
            {"콜라 1.25L", null},
            {"Cheese Pizza", "mozzarella & 토마토"}
        };
        List<Item> menu = new ArrayList<>();
        int count = n == 0 ? 4 : n % 7;
        for (int i = 0; i < count; i++) {
            String[] dish = dishes[(i + n) % dishes.length];
            menu.add(new Item(
                    id(key + "-item-" + i), dish[0], dish[1], 1000L * (3 + (i * 7 + n) % 20), (i + n) % 4 != 0));
        }
        if (n == 0) {
            menu.add(new Item(id(key + "-item-dup"), dishes[0][0], "같은 이름, 다른 메뉴", 21000, true));
        }
        return menu;
    }

    /** Replaces the monolith's catalog rows (its categories stay) with the fixture. */
    static void loadIntoMonolith(Connection monolith) throws SQLException {
        monolith.setAutoCommit(false);
        try (Statement truncate = monolith.createStatement()) {
            truncate.execute("truncate catalog.menu_item, catalog.opening_hours, catalog.restaurant cascade");
            try (PreparedStatement restaurant = monolith.prepareStatement("""
                    insert into catalog.restaurant (id, name, category_code, phone, address, minimum_order_amount,
                        delivery_fee, status, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""");
                    PreparedStatement hours = monolith.prepareStatement("""
                    insert into catalog.opening_hours (restaurant_id, day_of_week, opens_at, closes_at)
                    values (?, ?, ?, ?)""");
                    PreparedStatement item = monolith.prepareStatement("""
                    insert into catalog.menu_item (id, restaurant_id, name, description, price, available, created_at,
                        updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, 0)""")) {
                int n = 0;
                for (Restaurant r : RESTAURANTS) {
                    Timestamp created = Timestamp.from(CREATED.plusSeconds(3600L * n++));
                    restaurant.setObject(1, r.id());
                    restaurant.setString(2, r.name());
                    restaurant.setString(3, r.category());
                    restaurant.setString(4, r.phone());
                    restaurant.setString(5, r.address());
                    restaurant.setLong(6, r.minimumOrderAmount());
                    restaurant.setLong(7, r.deliveryFee());
                    restaurant.setString(8, r.status());
                    restaurant.setTimestamp(9, created);
                    restaurant.setTimestamp(10, created);
                    restaurant.addBatch();
                    for (Hours h : r.hours()) {
                        hours.setObject(1, r.id());
                        hours.setShort(2, (short) h.dayOfWeek());
                        hours.setTime(3, Time.valueOf(h.opens()));
                        hours.setTime(4, Time.valueOf(h.closes()));
                        hours.addBatch();
                    }
                    for (Item i : r.menu()) {
                        item.setObject(1, i.id());
                        item.setObject(2, r.id());
                        item.setString(3, i.name());
                        item.setString(4, i.description());
                        item.setLong(5, i.price());
                        item.setBoolean(6, i.available());
                        item.setTimestamp(7, created);
                        item.setTimestamp(8, created);
                        item.addBatch();
                    }
                }
                restaurant.executeBatch();
                hours.executeBatch();
                item.executeBatch();
            }
            monolith.commit();
        } catch (SQLException | RuntimeException e) {
            monolith.rollback();
            throw e;
        } finally {
            monolith.setAutoCommit(true);
        }
    }

    /** Loads the fixture into the monolith and copies the monolith's catalog into the service. */
    static Map<String, Integer> loadBoth(CatalogApps apps) {
        try (Connection monolith = DriverManager.getConnection(apps.monolith.jdbcUrl(), "postgres", "");
                Connection service = DriverManager.getConnection(apps.service.jdbcUrl(), "postgres", "")) {
            loadIntoMonolith(monolith);
            return CatalogTableMapping.copy(monolith, service);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot load the catalog fixture: " + e.getMessage(), e);
        }
    }
}
