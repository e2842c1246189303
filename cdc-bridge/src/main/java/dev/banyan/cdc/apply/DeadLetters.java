package dev.banyan.cdc.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parks records in {@code banyan_cdc.dead_letter}, inside the apply transaction: the mapped row (target column names,
 * PostgreSQL text values, written as JSON by Jackson), the reason, the SQLSTATE and the source position.
 */
final class DeadLetters {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String pipeline;

    DeadLetters(String pipeline) {
        this.pipeline = pipeline;
    }

    /** The row as the target would have received it: target column names, without values the source did not send. */
    static @Nullable String recordJson(PendingRow row) {
        if (row.values == null) {
            return null;
        }
        Map<String, String> mapped = new LinkedHashMap<>();
        for (TableMapping.Column col : row.table.columns()) {
            if (row.values.containsKey(col.source()) && !row.unavailable.contains(col.source())) {
                mapped.put(col.target(), row.values.get(col.source()));
            }
        }
        return JSON.writeValueAsString(mapped);
    }

    void write(Connection c, List<Rejection> rejections, int attempts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into " + BridgeTables.SCHEMA + ".dead_letter (pipeline, "
                + "source_table, target_table, operation, record_key, record, reason, sql_state, source_position, attempts) "
                + "values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)")) {
            for (Rejection r : rejections) {
                PendingRow row = r.row();
                ps.setString(1, pipeline);
                ps.setString(2, row.table.from().toString());
                ps.setString(3, row.table.to().toString());
                ps.setString(4, row.last.op().name().toLowerCase());
                ps.setString(5, row.table.describeKey(row.key));
                String record = recordJson(row);
                if (record == null) {
                    ps.setNull(6, Types.VARCHAR);
                } else {
                    ps.setString(6, record);
                }
                ps.setString(7, r.reason());
                ps.setString(8, r.sqlState());
                ps.setString(
                        9,
                        row.last.position() == null
                                ? "snapshot"
                                : row.last.position().toString());
                ps.setInt(10, attempts);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
