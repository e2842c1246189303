package dev.banyan.cdc.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import dev.banyan.cdc.support.TestDatabases;
import dev.banyan.embedded.EmbeddedPostgresServer;

/** An outbox table in the event contracts' layout, in a database of its own on the shared test server. */
record OutboxSchema(String url) {

    static final String CONTRACT_TABLE = """
            create table %s (
                id            uuid        primary key,
                aggregatetype text        not null,
                aggregateid   text        not null,
                type          text        not null,
                version       int         not null,
                handler       text,
                payload       jsonb       not null,
                occurred_at   timestamptz not null
            );
            """;

    static OutboxSchema create(String database) {
        TestDatabases.monolithServer().ensureDatabase(database);
        OutboxSchema schema = new OutboxSchema(TestDatabases.monolithServer().jdbcUrl(database));
        schema.exec("create schema ordering; " + CONTRACT_TABLE.formatted("ordering.outbox"));
        return schema;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, EmbeddedPostgresServer.USER, "");
    }

    void exec(String sql) {
        try (Connection c = connect();
                Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage() + "\n" + sql, e);
        }
    }

    long count(String table) throws SQLException {
        try (Connection c = connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** One event row; {@code payload} is JSON text. */
    static void insert(
            Connection c,
            String table,
            UUID id,
            String aggregateType,
            String aggregateId,
            String type,
            String handler,
            String payload,
            Instant occurredAt)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into " + table
                + " (id, aggregatetype, aggregateid, type, version, handler, payload, occurred_at)"
                + " values (?, ?, ?, ?, 1, ?, ?::jsonb, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, aggregateType);
            ps.setString(3, aggregateId);
            ps.setString(4, type);
            ps.setString(5, handler);
            ps.setString(6, payload);
            ps.setTimestamp(7, Timestamp.from(occurredAt));
            ps.executeUpdate();
        }
    }
}
