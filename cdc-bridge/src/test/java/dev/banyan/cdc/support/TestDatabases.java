package dev.banyan.cdc.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import dev.banyan.embedded.EmbeddedPostgresServer;

/**
 * Two real PostgreSQL servers (logical WAL on), started once per test JVM and shared by the integration test classes:
 * one plays the monolith, one the catalog-service. Each test class works in its own pair of databases, so classes
 * never see each other's rows, slots or publications.
 */
public final class TestDatabases {

    private static EmbeddedPostgresServer monolithServer;
    private static EmbeddedPostgresServer catalogServer;

    private TestDatabases() {}

    public static synchronized EmbeddedPostgresServer monolithServer() {
        start();
        return monolithServer;
    }

    public static synchronized EmbeddedPostgresServer catalogServer() {
        start();
        return catalogServer;
    }

    private static void start() {
        if (monolithServer != null) {
            return;
        }
        try {
            Path root = Files.createTempDirectory("banyan-cdc-test");
            monolithServer = EmbeddedPostgresServer.start(root.resolve("monolith"), 0, true);
            catalogServer = EmbeddedPostgresServer.start(root.resolve("catalog"), 0, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            monolithServer.close();
            catalogServer.close();
        }));
    }

    /** A fresh pair of databases with the catalog contract's tables on both sides. */
    public static Pair pair(String name) {
        String monolithDb = "mono_" + name;
        String catalogDb = "cat_" + name;
        monolithServer().ensureDatabase(monolithDb);
        catalogServer().ensureDatabase(catalogDb);
        Pair pair = new Pair(monolithServer.jdbcUrl(monolithDb), catalogServer.jdbcUrl(catalogDb));
        pair.execMonolith(CatalogSchema.MONOLITH);
        pair.execCatalog(CatalogSchema.SERVICE);
        return pair;
    }

    /** The monolith's database and the catalog-service's database of one test class. */
    public record Pair(String monolithUrl, String catalogUrl) {

        public Connection monolith() throws SQLException {
            return DriverManager.getConnection(monolithUrl, EmbeddedPostgresServer.USER, "");
        }

        public Connection catalog() throws SQLException {
            return DriverManager.getConnection(catalogUrl, EmbeddedPostgresServer.USER, "");
        }

        public void execMonolith(String sql) {
            exec(monolithUrl, sql);
        }

        public void execCatalog(String sql) {
            exec(catalogUrl, sql);
        }

        /** Drops the replication slots a test class left behind, so they do not pin WAL. */
        public void dropSlots() {
            String sql =
                    "select pg_drop_replication_slot(slot_name) from pg_replication_slots where database = current_database() and not active";
            exec(monolithUrl, sql);
            exec(catalogUrl, sql);
        }

        private static void exec(String url, String sql) {
            try (Connection c = DriverManager.getConnection(url, EmbeddedPostgresServer.USER, "");
                    Statement st = c.createStatement()) {
                st.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("SQL failed on " + url + ": " + e.getMessage() + "\n" + sql, e);
            }
        }
    }
}
