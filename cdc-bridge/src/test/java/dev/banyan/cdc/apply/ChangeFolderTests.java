package dev.banyan.cdc.apply;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.banyan.cdc.config.PipelineConfig.TruncatePolicy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChangeFolderTests {

    private static final Set<String> COLUMNS = Set.of("id", "name", "price", "options", "version");
    private final TableMapping items = Mappings.menuItem(0, false);
    private final ChangeFolder folder = new ChangeFolder("catalog-forward", List.of(items), TruncatePolicy.APPLY);

    private static RowChange change(Op op, String id, String name, Set<String> unavailable, SourcePosition position) {
        Map<String, String> values = new HashMap<>();
        values.put("id", id);
        if (op != Op.DELETE) {
            values.put("name", name);
            values.put("price", "9000");
            values.put("options", "{}");
            values.put("version", "1");
        }
        return new RowChange("catalog.menu_item", op, values, COLUMNS, unavailable, position, 1_000L);
    }

    private static SourcePosition at(long lsn) {
        return new SourcePosition(100, lsn, 0);
    }

    @Test
    void foldsEveryChangeOfAKeyIntoItsLastImageInSourceOrder() {
        Batch batch = folder.fold(
                List.of(
                        change(Op.INSERT, "a", "김치찌개", Set.of(), at(1)),
                        change(Op.INSERT, "b", "bibimbap", Set.of(), at(2)),
                        change(Op.UPDATE, "a", "된장찌개", Set.of(), at(3))),
                null);

        List<PendingRow> rows = batch.rowsOf(items);
        assertThat(rows).extracting(r -> r.key.get(0)).containsExactly("b", "a");
        assertThat(rows.get(1).values).containsEntry("name", "된장찌개");
        assertThat(rows.get(1).created)
                .as("an update of a row the batch inserted still creates it")
                .isTrue();
        assertThat(batch.position).isEqualTo(at(3));
        assertThat(batch.changes()).isEqualTo(3);
        assertThat(batch.size()).isEqualTo(2);
    }

    @Test
    void anUpdateWithoutAnUnchangedLargeValueKeepsTheValueTheBatchAlreadyHolds() {
        Batch batch = folder.fold(
                List.of(
                        change(Op.INSERT, "a", "long text", Set.of(), at(1)),
                        change(Op.UPDATE, "a", null, Set.of("name"), at(2))),
                null);

        PendingRow row = batch.rowsOf(items).get(0);
        assertThat(row.values).containsEntry("name", "long text");
        assertThat(row.unavailable).isEmpty();
    }

    @Test
    void anUpdateWithoutALargeValueTheBatchDoesNotHoldStaysPartial() {
        Batch batch = folder.fold(List.of(change(Op.UPDATE, "a", null, Set.of("name"), at(1))), null);

        assertThat(batch.rowsOf(items).get(0).unavailable).containsExactly("name");
    }

    @Test
    void aDeleteOfARowTheBatchCreatedMayFindNoTargetRowButOtherDeletesMust() {
        Batch batch = folder.fold(
                List.of(
                        change(Op.INSERT, "a", "x", Set.of(), at(1)),
                        change(Op.DELETE, "a", null, Set.of(), at(2)),
                        change(Op.DELETE, "b", null, Set.of(), at(3))),
                null);

        assertThat(batch.rowsOf(items))
                .allMatch(r -> r.delete)
                .extracting(r -> r.key.get(0) + ":" + r.mayBeAbsent)
                .containsExactly("a:true", "b:false");
    }

    @Test
    void leavesOutChangesAtOrBelowTheStoredPositionAndCountsThem() {
        Batch batch = folder.fold(
                List.of(
                        change(Op.INSERT, "a", "x", Set.of(), at(1)),
                        change(Op.INSERT, "b", "y", Set.of(), at(2)),
                        change(Op.INSERT, "c", "z", Set.of(), at(3))),
                at(2));

        assertThat(batch.skipped).isEqualTo(2);
        assertThat(batch.rowsOf(items)).extracting(r -> r.key.get(0)).containsExactly("c");
        assertThat(batch.commitMillis).hasSize(1);
    }

    @Test
    void leavesOutTablesThePipelineDoesNotMapWithoutCountingThem() {
        RowChange other =
                new RowChange("catalog.other", Op.INSERT, Map.of("id", "1"), Set.of("id"), Set.of(), at(1), 0);

        Batch batch = folder.fold(List.of(other), null);

        assertThat(batch.changes()).isZero();
        assertThat(batch.skipped).isZero();
    }

    @Test
    void aTruncateDropsWhatTheBatchHeldForItsTableAndKeepsWhatFollows() {
        Batch batch = folder.fold(
                List.of(
                        change(Op.INSERT, "a", "x", Set.of(), at(1)),
                        new RowChange("catalog.menu_item", Op.TRUNCATE, Map.of(), COLUMNS, Set.of(), at(2), 0),
                        change(Op.INSERT, "b", "y", Set.of(), at(3))),
                null);

        assertThat(batch.truncated).containsExactly(items);
        assertThat(batch.rowsOf(items)).extracting(r -> r.key.get(0)).containsExactly("b");
    }

    @Test
    void truncateHaltRefusesATruncateNamingBothTables() {
        ChangeFolder halting = new ChangeFolder("catalog-forward", List.of(items), TruncatePolicy.HALT);

        assertThatThrownBy(() -> halting.fold(
                        List.of(new RowChange("catalog.menu_item", Op.TRUNCATE, Map.of(), COLUMNS, Set.of(), at(2), 0)),
                        null))
                .isInstanceOf(PipelineHaltedException.class)
                .hasMessageContaining("the source truncated catalog.menu_item")
                .hasMessageContaining("truncate: halt refuses to empty public.menu_item");
    }

    @Test
    void aChangeLackingAMappedColumnHaltsNamingIt() {
        RowChange withoutPrice = new RowChange(
                "catalog.menu_item",
                Op.INSERT,
                Map.of("id", "a"),
                Set.of("id", "name", "options", "version"),
                Set.of(),
                at(1),
                0);

        assertThatThrownBy(() -> folder.fold(List.of(withoutPrice), null))
                .isInstanceOf(PipelineHaltedException.class)
                .hasMessageContaining("mapped column(s) [price] of catalog.menu_item no longer exist in the source");
    }

    @Test
    void aNullKeyHalts() {
        assertThatThrownBy(() -> folder.fold(List.of(change(Op.INSERT, null, "x", Set.of(), at(1))), null))
                .isInstanceOf(PipelineHaltedException.class)
                .hasMessageContaining("has a NULL key value (id=null)");
    }

    @Test
    void aSnapshotBatchWithoutPositionsClearsTheStoredPosition() {
        Batch batch = folder.fold(List.of(change(Op.SNAPSHOT, "a", "x", Set.of(), null)), at(5));

        assertThat(batch.snapshot).isTrue();
        assertThat(batch.position).isNull();
        assertThat(batch.resetPosition).isTrue();
        assertThat(batch.rowsOf(items).get(0).created).isTrue();
    }
}
