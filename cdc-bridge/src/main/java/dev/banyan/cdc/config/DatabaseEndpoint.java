package dev.banyan.cdc.config;

import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

import org.postgresql.Driver;
import org.postgresql.PGProperty;

/**
 * Where a pipeline reads from or writes to. The password is kept out of {@link #toString()} so it never reaches a log.
 */
public record DatabaseEndpoint(String url, String user, String password) {

    public DatabaseEndpoint {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
    }

    /** host, port and database name of the URL, as the PostgreSQL JDBC driver reads it. */
    public JdbcTarget parsed() {
        return JdbcTarget.parse(url);
    }

    @Override
    public String toString() {
        return url + " (user " + user + ")";
    }

    /**
     * @param parameters the URL's connection parameters ({@code sslmode}, {@code sslrootcert}, ...), decoded, without
     *                   host, port, database, user and password, which the endpoint carries itself
     */
    public record JdbcTarget(String host, int port, String database, Map<String, String> parameters) {

        private static final String PREFIX = "jdbc:postgresql:";

        public JdbcTarget(String host, int port, String database) {
            this(host, port, database, Map.of());
        }

        public JdbcTarget {
            parameters = Map.copyOf(parameters);
        }

        /** Parses with the driver itself, so a URL means here exactly what it means to every JDBC connection. */
        static JdbcTarget parse(String url) {
            if (!url.startsWith(PREFIX)) {
                throw new IllegalArgumentException("must start with jdbc:postgresql://");
            }
            Properties parsed = Driver.parseURL(url, new Properties());
            if (parsed == null) {
                throw new IllegalArgumentException("is not a PostgreSQL JDBC URL the driver accepts "
                        + "(jdbc:postgresql://host:port/database?param=value)");
            }
            String host = PGProperty.PG_HOST.getOrDefault(parsed);
            String port = PGProperty.PG_PORT.getOrDefault(parsed);
            String database = PGProperty.PG_DBNAME.getOrDefault(parsed);
            if (host != null && host.contains(",")) {
                throw new IllegalArgumentException(
                        "must name exactly one host (logical replication reads from one server)");
            }
            if (database == null || database.isBlank()) {
                throw new IllegalArgumentException("must name a database: jdbc:postgresql://host:port/database");
            }
            Map<String, String> parameters = new TreeMap<>();
            for (String name : parsed.stringPropertyNames()) {
                parameters.put(name, parsed.getProperty(name));
            }
            for (PGProperty own : new PGProperty[] {
                PGProperty.PG_HOST, PGProperty.PG_PORT, PGProperty.PG_DBNAME, PGProperty.USER, PGProperty.PASSWORD
            }) {
                parameters.remove(own.getName());
            }
            return new JdbcTarget(
                    host == null || host.isBlank() ? "localhost" : host, Integer.parseInt(port), database, parameters);
        }
    }
}
