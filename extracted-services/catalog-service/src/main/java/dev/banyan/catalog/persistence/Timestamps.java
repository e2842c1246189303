package dev.banyan.catalog.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * {@code timestamptz} in and out as UTC offsets, never through {@link java.sql.Timestamp}, whose conversion goes
 * through the JVM's default time zone and is ambiguous in a daylight-saving fall-back hour.
 */
final class Timestamps {

    private Timestamps() {}

    static OffsetDateTime of(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant read(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, OffsetDateTime.class).toInstant();
    }

    static Instant read(ResultSet rows, String column) throws SQLException {
        return rows.getObject(column, OffsetDateTime.class).toInstant();
    }
}
