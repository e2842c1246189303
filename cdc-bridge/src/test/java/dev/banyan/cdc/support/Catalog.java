package dev.banyan.cdc.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Writes catalog rows the way the monolith (or the service) would, and reads checksums back. */
public final class Catalog {

    private Catalog() {}

    public static void category(Connection c, String code, String name, int sortOrder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into catalog.category values (?, ?, ?)")) {
            ps.setString(1, code);
            ps.setString(2, name);
            ps.setInt(3, sortOrder);
            ps.executeUpdate();
        }
    }

    public static UUID restaurant(
            Connection c, String schema, String phoneColumn, String name, String category, String phone)
            throws SQLException {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement ps =
                c.prepareStatement("insert into " + schema + ".restaurant (id, name, category_code, "
                        + phoneColumn
                        + ", address, minimum_order_amount, delivery_fee, status, created_at, updated_at, version) "
                        + "values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, 1)")) {
            ps.setObject(1, id);
            ps.setString(2, name);
            ps.setString(3, category);
            ps.setString(4, phone);
            ps.setString(5, "서울특별시 강남구 테헤란로 " + (Math.abs(id.hashCode()) % 500));
            ps.setLong(6, 15_000);
            ps.setLong(7, 3_000);
            ps.setObject(8, now);
            ps.setObject(9, now);
            ps.executeUpdate();
        }
        return id;
    }

    public static UUID menuItem(
            Connection c,
            String schema,
            String priceColumn,
            UUID restaurant,
            String name,
            String description,
            long price)
            throws SQLException {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement ps = c.prepareStatement(
                "insert into " + schema + ".menu_item (id, restaurant_id, name, " + "description, " + priceColumn
                        + ", available, created_at, updated_at, version) values (?, ?, ?, ?, ?, true, ?, ?, 1)")) {
            ps.setObject(1, id);
            ps.setObject(2, restaurant);
            ps.setString(3, name);
            ps.setString(4, description);
            ps.setLong(5, price);
            ps.setObject(6, now);
            ps.setObject(7, now);
            ps.executeUpdate();
        }
        return id;
    }

    public static long count(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static String single(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * An order-independent checksum of a table computed by the database itself: row count and the MD5 of all rows'
     * text in key order. {@code columns} lists the columns to include, in the order to compare.
     */
    public static String checksum(Connection c, String table, String columns, String orderBy) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("set time zone 'UTC'");
            try (ResultSet rs = st.executeQuery("select count(*) || ':' || coalesce(md5(string_agg(row(" + columns
                    + ")::text, '|' order by " + orderBy + ")), '-') from " + table)) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
