package dev.banyan.cdc.apply;

import dev.banyan.cdc.config.PipelineConfig.ConflictPolicy;
import dev.banyan.cdc.config.PipelineConfig.Conflicts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApplyStatementsTests {

    private final ApplyStatements sourceWins = new ApplyStatements(new Conflicts(ConflictPolicy.SOURCE_WINS, false));

    @Test
    void anUpsertReadsOneArrayPerColumnCastsToTheTargetTypesAndRewritesOnlyDifferingRows() {
        assertThat(sourceWins.upsert(Mappings.menuItem(0, false)))
                .isEqualTo(
                        "insert into \"public\".\"menu_item\" as t (\"id\", \"name\", \"price_krw\", \"options\", \"version\") "
                                + "select u.\"id\"::uuid, u.\"name\"::text, u.\"price_krw\"::bigint, u.\"options\"::json, u.\"version\"::bigint "
                                + "from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) "
                                + "as u(\"id\", \"name\", \"price_krw\", \"options\", \"version\") on conflict (\"id\") do update set "
                                + "\"name\" = excluded.\"name\", \"price_krw\" = excluded.\"price_krw\", \"options\" = excluded.\"options\", "
                                + "\"version\" = excluded.\"version\" where (t.\"name\", t.\"price_krw\", t.\"options\"::text, t.\"version\") "
                                + "is distinct from (excluded.\"name\", excluded.\"price_krw\", excluded.\"options\"::text, excluded.\"version\")");
    }

    @Test
    void aTableThatIsAllKeyIsUpsertedWithDoNothing() {
        assertThat(sourceWins.upsert(Mappings.tag(1))).endsWith("on conflict (\"item_id\", \"label\") do nothing");
    }

    @Test
    void underLastWriterWinsOnlyAHigherVersionReplacesARow() {
        ApplyStatements lww = new ApplyStatements(new Conflicts(ConflictPolicy.LAST_WRITER_WINS, false));

        assertThat(lww.upsert(Mappings.menuItem(0, true)))
                .endsWith(" and (t.\"version\" is null or t.\"version\" < excluded.\"version\")");
        assertThat(lww.update(
                        Mappings.menuItem(0, true), Mappings.menuItem(0, true).nonKeyColumns()))
                .contains(" and (t.\"version\" is null or t.\"version\" < u.\"v_version\"::bigint)");
    }

    @Test
    void thePipelineThatWinsTiesAlsoReplacesAnEqualVersion() {
        ApplyStatements winsTies = new ApplyStatements(new Conflicts(ConflictPolicy.LAST_WRITER_WINS, true));

        assertThat(winsTies.upsert(Mappings.menuItem(0, true)))
                .endsWith(" and (t.\"version\" is null or t.\"version\" <= excluded.\"version\")");
    }

    @Test
    void underSourceWinsAVersionColumnGuardsNothing() {
        assertThat(sourceWins.upsert(Mappings.menuItem(0, true))).doesNotContain("is null or");
    }

    @Test
    void anUpdateSetsOnlyTheGivenColumnsOfExistingRowsAndReturnsTheirKeys() {
        TableMapping items = Mappings.menuItem(0, false);

        assertThat(sourceWins.update(items, items.nonKeyColumns().subList(0, 1)))
                .isEqualTo("update \"public\".\"menu_item\" as t set \"name\" = u.\"v_name\"::text "
                        + "from unnest(?::text[], ?::text[]) as u(\"k_id\", \"v_name\") where t.\"id\" = u.\"k_id\"::uuid "
                        + "and (t.\"name\") is distinct from (u.\"v_name\"::text) returning t.\"id\"::text");
    }

    @Test
    void columnsWithoutEqualityAreComparedAsText() {
        TableMapping items = Mappings.menuItem(0, false);

        assertThat(sourceWins.update(items, items.nonKeyColumns()))
                .contains("t.\"options\"::text")
                .contains("(u.\"v_options\"::json)::text");
    }

    @Test
    void anUpsertThatReportsReCreatedRowsReturnsWhetherEachWasInserted() {
        assertThat(sourceWins.upsertReturningInserted(Mappings.tag(1)))
                .endsWith(" returning xmax = 0, t.\"item_id\"::text, t.\"label\"::text");
    }

    @Test
    void aDeleteMatchesEveryKeyColumn() {
        assertThat(sourceWins.delete(Mappings.tag(1)))
                .isEqualTo(
                        "delete from \"public\".\"tag\" as t using unnest(?::text[], ?::text[]) as u(\"k_item_id\", \"k_label\") "
                                + "where t.\"item_id\" = u.\"k_item_id\"::uuid and t.\"label\" = u.\"k_label\"::text");
    }

    @Test
    void identifiersAreQuotedWithTheirQuotesDoubled() {
        assertThat(ApplyStatements.quote("we\"ird")).isEqualTo("\"we\"\"ird\"");
    }
}
