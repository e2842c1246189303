package dev.banyan.catalog.contract;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The mapping of the monolith's catalog tables onto the catalog-service's tables, exactly as the module README
 * documents it for the CDC bridge. {@link #copy} applies it the way the bridge's backfill does: everything in one
 * transaction, children before parents, relying on the deferred foreign keys.
 */
final class CatalogTableMapping {

    /** One table: source (monolith) table, target (service) table, source column to target column. */
    record Table(String source, String target, Map<String, String> columns) {}

    static final List<Table> TABLES = List.of(
            new Table(
                    "catalog.category",
                    "public.category",
                    columns("code", "code", "name", "name", "sort_order", "sort_order")),
            new Table(
                    "catalog.restaurant",
                    "public.restaurant",
                    columns(
                            "id",
                            "id",
                            "name",
                            "name",
                            "category_code",
                            "category_code",
                            "phone",
                            "phone_number",
                            "address",
                            "address",
                            "minimum_order_amount",
                            "minimum_order_amount",
                            "delivery_fee",
                            "delivery_fee",
                            "status",
                            "status",
                            "created_at",
                            "created_at",
                            "updated_at",
                            "updated_at",
                            "version",
                            "version")),
            new Table(
                    "catalog.opening_hours",
                    "public.opening_hours",
                    columns(
                            "restaurant_id",
                            "restaurant_id",
                            "day_of_week",
                            "day_of_week",
                            "opens_at",
                            "opens_at",
                            "closes_at",
                            "closes_at")),
            new Table(
                    "catalog.menu_item",
                    "public.menu_item",
                    columns(
                            "id",
                            "id",
                            "restaurant_id",
                            "restaurant_id",
                            "name",
                            "name",
                            "description",
                            "description",
                            "price",
                            "price_krw",
                            "available",
                            "available",
                            "created_at",
                            "created_at",
                            "updated_at",
                            "updated_at",
                            "version",
                            "version")));

    private CatalogTableMapping() {}

    /**
     * Replaces everything in the service's tables with the monolith's rows, in one transaction and in reverse
     * dependency order (menu items first), which only works because the service's foreign keys are deferred.
     *
     * @return rows copied per target table
     */
    static Map<String, Integer> copy(Connection monolith, Connection service) throws SQLException {
        Map<String, Integer> copied = new LinkedHashMap<>();
        service.setAutoCommit(false);
        try (Statement truncate = service.createStatement()) {
            truncate.execute("truncate public.menu_item, public.opening_hours, public.restaurant, public.category");
            for (int i = TABLES.size() - 1; i >= 0; i--) {
                Table table = TABLES.get(i);
                copied.put(table.target(), copyTable(table, monolith, service));
            }
            service.commit();
        } catch (SQLException | RuntimeException e) {
            service.rollback();
            throw e;
        } finally {
            service.setAutoCommit(true);
        }
        return copied;
    }

    private static int copyTable(Table table, Connection monolith, Connection service) throws SQLException {
        List<String> sourceColumns = List.copyOf(table.columns().keySet());
        List<String> targetColumns = List.copyOf(table.columns().values());
        String select = "select " + String.join(", ", sourceColumns) + " from " + table.source();
        String insert = "insert into " + table.target() + " (" + String.join(", ", targetColumns) + ") values ("
                + targetColumns.stream().map(column -> "?").collect(Collectors.joining(", ")) + ")";
        int rows = 0;
        try (Statement read = monolith.createStatement();
                ResultSet source = read.executeQuery(select);
                PreparedStatement write = service.prepareStatement(insert)) {
            while (source.next()) {
                for (int i = 1; i <= sourceColumns.size(); i++) {
                    write.setObject(i, source.getObject(i));
                }
                write.addBatch();
                rows++;
            }
            write.executeBatch();
        }
        return rows;
    }

    private static Map<String, String> columns(String... pairs) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            columns.put(pairs[i], pairs[i + 1]);
        }
        return columns;
    }
}
