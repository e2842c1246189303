package dev.banyan.cdc.config;

import java.util.Objects;

/**
 * Where a pipeline reads from or writes to. The password is kept out of {@link #toString()} so it never reaches a log.
 */
public record DatabaseEndpoint(String url, String user, String password) {

    public DatabaseEndpoint {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
    }

    /** host, port and database name parsed from a {@code jdbc:postgresql://host:port/database} URL. */
    public JdbcTarget parsed() {
        return JdbcTarget.parse(url);
    }

    @Override
    public String toString() {
        return url + " (user " + user + ")";
    }

    public record JdbcTarget(String host, int port, String database) {

        static JdbcTarget parse(String url) {
            String prefix = "jdbc:postgresql://";
            if (!url.startsWith(prefix)) {
                throw new IllegalArgumentException("must start with " + prefix);
            }
            String rest = url.substring(prefix.length());
            int slash = rest.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("must name a database: " + prefix + "host:port/database");
            }
            String hostPort = rest.substring(0, slash);
            String database = rest.substring(slash + 1);
            int query = database.indexOf('?');
            if (query >= 0) {
                database = database.substring(0, query);
            }
            if (hostPort.contains(",")) {
                throw new IllegalArgumentException("must name exactly one host (logical replication reads from one server)");
            }
            if (database.isBlank()) {
                throw new IllegalArgumentException("must name a database: " + prefix + "host:port/database");
            }
            String host = hostPort;
            int port = 5432;
            int colon = hostPort.lastIndexOf(':');
            if (colon >= 0) {
                host = hostPort.substring(0, colon);
                try {
                    port = Integer.parseInt(hostPort.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("has a port that is not a number: '" + hostPort.substring(colon + 1) + "'");
                }
            }
            if (host.isBlank()) {
                throw new IllegalArgumentException("must name a host");
            }
            return new JdbcTarget(host, port, database);
        }
    }
}
