package dev.banyan.cdc.apply;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.banyan.cdc.config.BridgeConfig;
import dev.banyan.cdc.config.ConfigLoader;
import dev.banyan.cdc.config.PipelineConfig;
import dev.banyan.cdc.support.Catalog;
import dev.banyan.cdc.support.TestDatabases;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The applier against a real target database, without any capture engine: replay filtering by position (including
 * changes that share one LSN), per-key folding, rejection handling, the last-writer-wins policy and the schema guard.
 */
class BatchApplierIntegrationTests {

    static TestDatabases.Pair db;
    static PGSimpleDataSource target;
    final List<String> events = new ArrayList<>();
    final Map<String, Integer> missingRows = new HashMap<>();
    int replaySkipped;

    @BeforeAll
    static void setUp() throws Exception {
        db = TestDatabases.pair("applier");
        try (Connection c = db.catalog()) {
            BridgeTables.ensure(c);
        }
        // every row change the target really performs, to prove nothing is applied twice
        db.execCatalog("""
                create table public.audit (tbl text, k text, op text, at timestamptz default clock_timestamp());
                create function public.audit() returns trigger language plpgsql as $$
                begin
                  insert into public.audit (tbl, k, op) values (TG_TABLE_NAME,
                    case when TG_OP = 'DELETE' then coalesce(old.code, '') else coalesce(new.code, '') end, TG_OP);
                  return null;
                end $$;
                create trigger audit after insert or update or delete on public.category for each row execute function public.audit();
                """);
        target = new PGSimpleDataSource();
        target.setURL(db.catalogUrl());
        target.setUser("postgres");
    }

    @AfterAll
    static void tearDown() {
        db.dropSlots();
    }

    @BeforeEach
    void clean() {
        db.execCatalog("delete from public.menu_item; delete from public.opening_hours; "
                + "delete from public.restaurant; delete from public.category; delete from banyan_cdc.applied_position; "
                + "delete from banyan_cdc.dead_letter; truncate public.audit");
    }

    PipelineConfig pipeline(String options) {
        String yaml = """
                pipelines:
                  - name: applier-test
                    source: { url: "%s", user: postgres }
                    target: { url: "%s", user: postgres }
                    retry: { attempts: 3, backoff: 1ms, max-backoff: 2ms }
                %s    tables:
                      - { from: catalog.category, to: public.category, key: [code] }
                      - { from: catalog.restaurant, to: public.restaurant, key: [id], columns: { phone: phone_number }, version-column: updated_at }
                """.formatted(db.monolithUrl(), db.catalogUrl(), options == null ? "" : options.indent(4));
        BridgeConfig config = new ConfigLoader().parse(Path.of("applier.yml"), yaml);
        return config.pipelines().get(0);
    }

    BatchApplier applier(PipelineConfig config) {
        List<TableMapping> tables = PipelineSetup.resolve("applier.yml", config);
        return new BatchApplier(
                config,
                target,
                tables,
                new ApplyListener() {
                    @Override
                    public void replaySkipped(int changes) {
                        replaySkipped += changes;
                    }

                    @Override
                    public void attemptFailed(SQLException error, boolean transientError, int attempt) {
                        events.add("attempt " + attempt + " " + error.getSQLState());
                    }

                    @Override
                    public void missingRows(String op, String outcome, int count) {
                        missingRows.merge(op + " " + outcome, count, Integer::sum);
                    }
                },
                millis -> events.add("backoff " + millis));
    }

    static final Set<String> CATEGORY_COLUMNS = Set.of("code", "name", "sort_order");

    static RowChange category(Op op, String code, String name, Object sortOrder, SourcePosition position) {
        Map<String, String> values = new HashMap<>();
        values.put("code", code);
        if (op != Op.DELETE) {
            values.put("name", name);
            values.put("sort_order", String.valueOf(sortOrder));
        }
        return new RowChange(
                "catalog.category", op, values, CATEGORY_COLUMNS, Set.of(), position, System.currentTimeMillis());
    }

    static SourcePosition at(long tx, long lsn, int ordinal) {
        return new SourcePosition(tx, lsn, ordinal);
    }

    long audited(String op) throws SQLException {
        try (Connection c = db.catalog()) {
            return Long.parseLong(Catalog.single(c, "select count(*) from public.audit where op = ?", op));
        }
    }

    @Test
    void skipsChangesAtOrBelowTheStoredPositionEvenWithinOneSharedLsn() throws Exception {
        BatchApplier applier = applier(pipeline(null));
        // a COPY wrote three rows in one WAL record; the first batch ended after two of them
        applier.apply(List.of(
                category(Op.INSERT, "a", "에이", 1, at(100, 200, 0)), category(Op.INSERT, "b", "비", 2, at(100, 200, 1))));
        // after a crash the whole transaction is read again, followed by a newer one
        BatchApplier restarted = applier(pipeline(null));
        int applied = restarted.apply(List.of(
                category(Op.INSERT, "a", "에이", 1, at(100, 200, 0)),
                category(Op.INSERT, "b", "비", 2, at(100, 200, 1)),
                category(Op.INSERT, "c", "씨", 3, at(100, 200, 2)),
                category(Op.UPDATE, "a", "에이 (new)", 1, at(300, 310, 0))));
        assertThat(applied).isEqualTo(2);
        assertThat(replaySkipped).isEqualTo(2);
        assertThat(audited("INSERT")).isEqualTo(3);
        assertThat(audited("UPDATE")).isEqualTo(1);
        assertThat(restarted.storedPosition()).isEqualTo(at(300, 310, 0));
        // replaying everything again changes nothing
        assertThat(applier(pipeline(null))
                        .apply(List.of(
                                category(Op.INSERT, "c", "씨", 3, at(100, 200, 2)),
                                category(Op.UPDATE, "a", "에이 (new)", 1, at(300, 310, 0)))))
                .isZero();
        assertThat(audited("INSERT") + audited("UPDATE")).isEqualTo(4);
    }

    @Test
    void foldsEachKeyToItsLastChangeInSourceOrder() throws Exception {
        BatchApplier applier = applier(pipeline(null));
        applier.apply(List.of(
                category(Op.INSERT, "x", "first", 1, at(10, 11, 0)),
                category(Op.UPDATE, "x", "second", 2, at(12, 13, 0)),
                category(Op.INSERT, "y", "why", 9, at(12, 14, 0)),
                category(Op.UPDATE, "x", "third", 3, at(15, 16, 0)),
                category(Op.DELETE, "y", null, null, at(15, 17, 0)),
                category(Op.INSERT, "z", "제트", 4, at(15, 18, 0))));
        try (Connection c = db.catalog()) {
            assertThat(Catalog.checksum(c, "public.category", "code, name, sort_order", "code"))
                    .isEqualTo(expected("('x','third',3)", "('z','제트',4)"));
        }
        // one insert per surviving key, nothing for y which began and ended inside the batch
        assertThat(audited("INSERT")).isEqualTo(2);
        assertThat(audited("DELETE")).isZero();
    }

    private static String expected(String... rows) throws SQLException {
        try (Connection c = db.catalog()) {
            return Catalog.checksum(
                    c,
                    "(values " + String.join(", ", rows) + ") as v(code, name, sort_order)",
                    "code, name, sort_order",
                    "code");
        }
    }

    static RowChange truncate(String table, SourcePosition position) {
        return new RowChange(table, Op.TRUNCATE, Map.of(), Set.of(), Set.of(), position, System.currentTimeMillis());
    }

    @Test
    void truncateEmptiesTheTargetTableInStreamOrder() throws Exception {
        BatchApplier applier = applier(pipeline(null));
        applier.apply(List.of(category(Op.INSERT, "old", "old", 1, at(30, 31, 0))));
        applier.apply(List.of(
                category(Op.INSERT, "gone", "gone", 2, at(32, 33, 0)),
                truncate("catalog.category", at(34, 35, 0)),
                category(Op.INSERT, "new", "new", 3, at(36, 37, 0))));
        try (Connection c = db.catalog()) {
            assertThat(Catalog.checksum(c, "public.category", "code, name, sort_order", "code"))
                    .isEqualTo(expected("('new','new',3)"));
        }
        assertThat(applier.storedPosition()).isEqualTo(at(36, 37, 0));
    }

    @Test
    void truncateHaltRefusesATruncateAndAppliesNothingOfItsBatch() throws Exception {
        BatchApplier applier = applier(pipeline("truncate: halt"));
        applier.apply(List.of(category(Op.INSERT, "kept", "kept", 1, at(40, 41, 0))));
        assertThatThrownBy(() -> applier.apply(List.of(
                        category(Op.INSERT, "later", "later", 2, at(42, 43, 0)),
                        truncate("catalog.category", at(44, 45, 0)))))
                .isInstanceOf(PipelineHaltedException.class)
                .hasMessageContaining("pipeline 'applier-test' halted: the source truncated catalog.category")
                .hasMessageContaining("truncate: halt refuses to empty public.category");
        try (Connection c = db.catalog()) {
            assertThat(Catalog.checksum(c, "public.category", "code, name, sort_order", "code"))
                    .isEqualTo(expected("('kept','kept',1)"));
        }
        assertThat(applier(pipeline("truncate: halt")).storedPosition()).isEqualTo(at(40, 41, 0));
    }

    @Test
    void haltsWithAClearMessageWhenTheTargetRejectsARecordAndCommitsNothing() throws Exception {
        db.execCatalog("alter table public.category add constraint sort_order_small check (sort_order < 1000)");
        try {
            BatchApplier applier = applier(pipeline(null));
            assertThatThrownBy(() -> applier.apply(List.of(
                            category(Op.INSERT, "ok", "fine", 1, at(20, 21, 0)),
                            category(Op.INSERT, "bad", "too big", 5000, at(20, 22, 0)))))
                    .isInstanceOf(PipelineHaltedException.class)
                    .hasMessageContaining("pipeline 'applier-test' halted")
                    .hasMessageContaining("public.category key code=bad")
                    .hasMessageContaining("sort_order_small")
                    .hasMessageContaining("SQLSTATE 23514")
                    .hasMessageContaining("on-reject: dead-letter");
            // retried with growing backoff before giving up
            assertThat(events)
                    .containsSubsequence(
                            "attempt 1 23514", "backoff 1", "attempt 2 23514", "backoff 2", "attempt 3 23514");
            try (Connection c = db.catalog()) {
                assertThat(Catalog.count(c, "public.category")).isZero();
                assertThat(Catalog.count(c, "banyan_cdc.applied_position")).isZero();
            }
        } finally {
            db.execCatalog("alter table public.category drop constraint sort_order_small");
        }
    }

    @Test
    void parksRejectedRecordsWithTheReasonAndAppliesTheRest() throws Exception {
        BatchApplier applier = applier(pipeline("on-reject: dead-letter\n"));
        applier.apply(List.of(
                category(Op.INSERT, "good1", "좋음", 1, at(30, 31, 0)),
                category(Op.INSERT, "broken", "타입 오류", "not-a-number", at(30, 32, 0)),
                category(Op.INSERT, "good2", "좋음2", 2, at(30, 33, 0))));
        try (Connection c = db.catalog()) {
            assertThat(Catalog.single(c, "select string_agg(code, ',' order by code) from public.category"))
                    .isEqualTo("good1,good2");
            assertThat(Catalog.single(
                            c,
                            "select record_key || ' | ' || operation || ' | ' || sql_state || ' | ' || (record->>'name') "
                                    + "from banyan_cdc.dead_letter where pipeline = 'applier-test'"))
                    .isEqualTo("code=broken | insert | 22P02 | 타입 오류");
            assertThat(Catalog.single(c, "select reason from banyan_cdc.dead_letter"))
                    .contains("invalid input syntax for type integer");
            assertThat(Catalog.single(c, "select lsn from banyan_cdc.applied_position where pipeline = 'applier-test'"))
                    .isEqualTo("33");
        }
    }

    @Test
    void lastWriterWinsKeepsTheNewerVersionAndLetsDeletesWin() throws Exception {
        PipelineConfig lww = pipeline("conflicts: { policy: last-writer-wins, wins-ties: false }\n");
        BatchApplier applier = applier(lww);
        applier.apply(List.of(category(Op.INSERT, "chicken", "치킨", 1, at(1, 1, 0))));
        UUID id = UUID.randomUUID();
        applier.apply(List.of(restaurant(Op.INSERT, id, "원본", "2024-01-01T10:00:00Z", at(2, 2, 0))));
        // an older version arrives after a newer one was written on the target side
        db.execCatalog(
                "update public.restaurant set name = '서비스에서 수정', updated_at = '2024-01-01T12:00:00Z' where id = '" + id
                        + "'");
        applier.apply(List.of(restaurant(Op.UPDATE, id, "모놀리스 수정 (older)", "2024-01-01T11:00:00Z", at(3, 3, 0))));
        assertThat(name(id)).isEqualTo("서비스에서 수정");
        // same version, different content: this pipeline does not win ties
        applier.apply(List.of(restaurant(Op.UPDATE, id, "tie", "2024-01-01T12:00:00Z", at(4, 4, 0))));
        assertThat(name(id)).isEqualTo("서비스에서 수정");
        applier.apply(List.of(restaurant(Op.UPDATE, id, "모놀리스 수정 (newer)", "2024-01-01T13:00:00Z", at(5, 5, 0))));
        assertThat(name(id)).isEqualTo("모놀리스 수정 (newer)");
        // deleted on the target side: a later update from the source does not bring it back
        db.execCatalog("delete from public.restaurant where id = '" + id + "'");
        applier.apply(List.of(restaurant(Op.UPDATE, id, "resurrected?", "2024-01-01T14:00:00Z", at(6, 6, 0))));
        assertThat(name(id)).isNull();
        // a delete from the source applies whatever the target's version
        UUID other = UUID.randomUUID();
        applier.apply(List.of(restaurant(Op.INSERT, other, "곧 삭제", "2024-01-01T10:00:00Z", at(7, 7, 0))));
        db.execCatalog("update public.restaurant set updated_at = '2030-01-01T00:00:00Z' where id = '" + other + "'");
        applier.apply(List.of(restaurantDelete(other, at(8, 8, 0))));
        assertThat(name(other)).isNull();
    }

    @Test
    void haltsWhenAMappedColumnDisappearsAndIgnoresANewUnmappedOne() throws Exception {
        BatchApplier applier = applier(pipeline(null));
        applier.apply(List.of(category(Op.INSERT, "chicken", "치킨", 1, at(1, 1, 0))));
        UUID id = UUID.randomUUID();
        RowChange withNewColumn = restaurant(Op.INSERT, id, "새 컬럼", "2024-01-01T10:00:00Z", at(2, 2, 0));
        Map<String, String> values = new HashMap<>(withNewColumn.values());
        values.put("rating", "4.5");
        Set<String> columns = new java.util.HashSet<>(withNewColumn.sourceColumns());
        columns.add("rating");
        applier.apply(
                List.of(new RowChange("catalog.restaurant", Op.INSERT, values, columns, Set.of(), at(2, 2, 0), 0)));
        assertThat(name(id)).isEqualTo("새 컬럼");

        Set<String> withoutPhone = new java.util.HashSet<>(withNewColumn.sourceColumns());
        withoutPhone.remove("phone");
        Map<String, String> noPhone = new HashMap<>(withNewColumn.values());
        noPhone.remove("phone");
        assertThatThrownBy(() -> applier.apply(List.of(new RowChange(
                        "catalog.restaurant", Op.UPDATE, noPhone, withoutPhone, Set.of(), at(3, 3, 0), 0))))
                .isInstanceOf(PipelineHaltedException.class)
                .hasMessageContaining(
                        "pipeline 'applier-test' halted: mapped column(s) [phone] of catalog.restaurant no longer exist in the source");
    }

    RowChange withoutLargeValues(RowChange full) {
        Map<String, String> values = new HashMap<>(full.values());
        values.put("address", null);
        return new RowChange(
                "catalog.restaurant", Op.UPDATE, values, full.sourceColumns(), Set.of("address"), full.position(), 0);
    }

    @Test
    void parksAnUpdateWithoutItsLargeValuesForARowTheTargetLacksAndHaltsOnItUnderMissingRowHalt() throws Exception {
        BatchApplier applier = applier(pipeline(null));
        applier.apply(List.of(category(Op.INSERT, "chicken", "치킨", 1, at(1, 1, 0))));
        UUID id = UUID.randomUUID();
        applier.apply(
                List.of(withoutLargeValues(restaurant(Op.UPDATE, id, "no row", "2024-01-01T10:00:00Z", at(2, 2, 0)))));
        assertThat(name(id)).isNull();
        assertThat(deadLetters())
                .containsExactly("update " + id + ": the target has no row with this key and the source "
                        + "sent no value for unchanged large column(s) [address], so the row cannot be rebuilt; set REPLICA IDENTITY "
                        + "FULL on the source table or re-snapshot (missing-row: upsert)");
        assertThat(missingRows).containsExactly(Map.entry("update dead-letter", 1));

        BatchApplier halting = applier(pipeline("missing-row: halt"));
        assertThatThrownBy(() -> halting.apply(List.of(
                        withoutLargeValues(restaurant(Op.UPDATE, id, "no row", "2024-01-01T10:00:00Z", at(3, 3, 0))))))
                .isInstanceOf(PipelineHaltedException.class)
                .hasMessageContaining("no value for unchanged large column(s) [address]")
                .hasMessageContaining("missing-row: halt");
    }

    @Test
    void missingRowUpsertRecreatesAnUpdatedRowTheTargetLacksFromItsFullImageAndCountsIt() throws Exception {
        BatchApplier applier = applier(pipeline(null));
        applier.apply(List.of(category(Op.INSERT, "chicken", "치킨", 1, at(1, 1, 0))));
        UUID present = UUID.randomUUID();
        applier.apply(List.of(restaurant(Op.INSERT, present, "있음", "2024-01-01T10:00:00Z", at(2, 2, 0))));
        UUID lost = UUID.randomUUID();
        UUID gone = UUID.randomUUID();

        applier.apply(List.of(
                restaurant(Op.UPDATE, present, "있음 (수정)", "2024-01-01T11:00:00Z", at(3, 3, 0)),
                restaurant(Op.UPDATE, lost, "타깃에 없음", "2024-01-01T11:00:00Z", at(3, 4, 0)),
                restaurantDelete(gone, at(3, 5, 0))));

        assertThat(name(present)).isEqualTo("있음 (수정)");
        assertThat(name(lost)).isEqualTo("타깃에 없음");
        assertThat(missingRows).containsOnly(Map.entry("update upserted", 1), Map.entry("delete skipped", 1));
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void missingRowDeadLetterParksUpdatesAndDeletesOfAbsentRowsAndAppliesTheRest() throws Exception {
        BatchApplier applier = applier(pipeline("missing-row: dead-letter"));
        applier.apply(List.of(category(Op.INSERT, "chicken", "치킨", 1, at(1, 1, 0))));
        UUID present = UUID.randomUUID();
        applier.apply(List.of(restaurant(Op.INSERT, present, "있음", "2024-01-01T10:00:00Z", at(2, 2, 0))));
        UUID lost = UUID.randomUUID();
        UUID gone = UUID.randomUUID();
        UUID brief = UUID.randomUUID();

        applier.apply(List.of(
                restaurant(Op.UPDATE, present, "있음 (수정)", "2024-01-01T11:00:00Z", at(3, 3, 0)),
                restaurant(Op.UPDATE, lost, "타깃에 없음", "2024-01-01T11:00:00Z", at(3, 4, 0)),
                restaurantDelete(gone, at(3, 5, 0)),
                // created and deleted within the batch: nothing is missing
                restaurant(Op.INSERT, brief, "잠깐", "2024-01-01T11:00:00Z", at(3, 6, 0)),
                restaurantDelete(brief, at(3, 7, 0))));

        assertThat(name(present)).isEqualTo("있음 (수정)");
        assertThat(name(lost)).isNull();
        assertThat(deadLetters())
                .containsExactlyInAnyOrder(
                        "update " + lost + ": the target has no row with this key (missing-row: dead-letter)",
                        "delete " + gone
                                + ": the target has no row with this key to delete (missing-row: dead-letter)");
        assertThat(missingRows).containsOnly(Map.entry("update dead-letter", 1), Map.entry("delete dead-letter", 1));
        assertThat(applier.storedPosition()).isEqualTo(at(3, 7, 0));
    }

    @Test
    void missingRowHaltStopsBeforeAnythingOfTheBatchIsApplied() throws Exception {
        BatchApplier applier = applier(pipeline("missing-row: halt"));
        applier.apply(List.of(category(Op.INSERT, "chicken", "치킨", 1, at(1, 1, 0))));
        UUID lost = UUID.randomUUID();
        assertThatThrownBy(() -> applier.apply(List.of(
                        category(Op.INSERT, "pizza", "피자", 2, at(2, 2, 0)),
                        restaurant(Op.UPDATE, lost, "타깃에 없음", "2024-01-01T11:00:00Z", at(2, 3, 0)))))
                .isInstanceOf(PipelineHaltedException.class)
                .hasMessageContaining(
                        "pipeline 'applier-test' halted: 1 change(s) found no row with their key in the target")
                .hasMessageContaining("public.restaurant key id=" + lost)
                .hasMessageContaining("set missing-row: upsert or dead-letter");
        try (Connection c = db.catalog()) {
            assertThat(Catalog.count(c, "public.category")).isEqualTo(1);
        }
        assertThat(applier(pipeline("missing-row: halt")).storedPosition()).isEqualTo(at(1, 1, 0));
    }

    private static List<String> deadLetters() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.catalog();
                var st = c.createStatement();
                var rs = st.executeQuery(
                        "select operation || ' ' || record_key || ': ' || reason from banyan_cdc.dead_letter order by id")) {
            while (rs.next()) {
                out.add(rs.getString(1).replace("id=", ""));
            }
        }
        return out;
    }

    private static String name(UUID id) throws SQLException {
        try (Connection c = db.catalog()) {
            return Catalog.single(c, "select name from public.restaurant where id = ?", id);
        }
    }

    static final Set<String> RESTAURANT_COLUMNS = Set.of(
            "id",
            "name",
            "category_code",
            "phone",
            "address",
            "minimum_order_amount",
            "delivery_fee",
            "status",
            "created_at",
            "updated_at",
            "version");

    static RowChange restaurant(Op op, UUID id, String name, String updatedAt, SourcePosition position) {
        Map<String, String> v = new HashMap<>();
        v.put("id", id.toString());
        v.put("name", name);
        v.put("category_code", "chicken");
        v.put("phone", "02-000-0000");
        v.put("address", "서울");
        v.put("minimum_order_amount", "10000");
        v.put("delivery_fee", "2000");
        v.put("status", "OPEN");
        v.put("created_at", "2024-01-01T00:00:00Z");
        v.put("updated_at", updatedAt);
        v.put("version", "1");
        return new RowChange(
                "catalog.restaurant", op, v, RESTAURANT_COLUMNS, Set.of(), position, System.currentTimeMillis());
    }

    static RowChange restaurantDelete(UUID id, SourcePosition position) {
        return new RowChange(
                "catalog.restaurant", Op.DELETE, Map.of("id", id.toString()), Set.of("id"), Set.of(), position, 0);
    }
}
