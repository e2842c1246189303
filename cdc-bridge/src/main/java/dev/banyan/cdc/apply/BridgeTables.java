package dev.banyan.cdc.apply;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The bridge's own tables, in schema {@code banyan_cdc} of every database it touches.
 *
 * <ul>
 *   <li>{@code applied_position} (target): per pipeline, the source position of the last applied batch. It is written in
 *   the same transaction as the batch's rows, so it is exactly as durable as they are; it is the truth on restart.</li>
 *   <li>{@code origin_marker} (target): one row per pipeline, bumped first in every apply transaction. The opposite
 *   pipeline captures this table and drops any transaction that touched it, which is how bridge writes are kept from
 *   echoing back.</li>
 *   <li>{@code heartbeat} (source): written by the engine's heartbeat so the slot advances on an idle database.</li>
 *   <li>{@code dead_letter} (target): records the target rejected, with the reason, when {@code on-reject: dead-letter}.</li>
 *   <li>{@code engine_offset} (target): the capture engine's own offsets. Only a hint for where to resume reading.</li>
 *   <li>{@code snapshot_run}, {@code snapshot_key} (target): the keys each snapshot attempt wrote, so a snapshot
 *   restarted after a crash can remove what an interrupted attempt copied and the source deleted since.</li>
 * </ul>
 */
public final class BridgeTables {

    public static final String SCHEMA = "banyan_cdc";
    public static final String MARKER_TABLE = SCHEMA + ".origin_marker";
    public static final String HEARTBEAT_TABLE = SCHEMA + ".heartbeat";

    private static final long DDL_LOCK = 0x62616e79616e4cL;

    private BridgeTables() {}

    /** Creates the bridge schema and tables unless they exist. Safe to call concurrently from several pipelines. */
    public static void ensure(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            st.execute("select pg_advisory_xact_lock(" + DDL_LOCK + ")");
            st.execute("create schema if not exists " + SCHEMA);
            st.execute("create table if not exists " + SCHEMA + ".applied_position ("
                    + "pipeline text primary key, tx_order bigint, lsn bigint, ordinal int, "
                    + "applied_at timestamptz not null, rows_applied bigint not null default 0)");
            st.execute("create table if not exists " + MARKER_TABLE + " ("
                    + "origin text primary key, batches bigint not null, applied_at timestamptz not null)");
            st.execute("create table if not exists " + HEARTBEAT_TABLE + " ("
                    + "pipeline text primary key, beat_at timestamptz not null)");
            st.execute("create table if not exists " + SCHEMA + ".dead_letter ("
                    + "id bigserial primary key, pipeline text not null, source_table text not null, target_table text not null, "
                    + "operation text not null, record_key text not null, record jsonb, reason text not null, sql_state text, "
                    + "source_position text, attempts int not null, created_at timestamptz not null default now())");
            st.execute("create table if not exists " + SCHEMA + ".engine_offset ("
                    + "pipeline text not null, offset_key bytea not null, offset_value bytea, "
                    + "updated_at timestamptz not null default now(), primary key (pipeline, offset_key))");
            st.execute("create table if not exists " + SCHEMA + ".snapshot_run ("
                    + "pipeline text not null, run text not null, completed boolean not null, started_at timestamptz not null, "
                    + "primary key (pipeline, run))");
            st.execute("create table if not exists " + SCHEMA + ".snapshot_key ("
                    + "pipeline text not null, target_table text not null, run text not null, key text[] not null, "
                    + "primary key (pipeline, target_table, run, key))");
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    public static String heartbeatStatement(String pipeline) {
        return "insert into " + HEARTBEAT_TABLE + " (pipeline, beat_at) values ('" + pipeline.replace("'", "''")
                + "', now()) on conflict (pipeline) do update set beat_at = excluded.beat_at";
    }
}
