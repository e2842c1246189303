package dev.banyan.cdc.apply;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLettersTests {

    private final TableMapping items = Mappings.menuItem(0, false);

    private PendingRow row(Map<String, String> values, Set<String> unavailable) {
        PendingRow row = new PendingRow(items, List.of(values.get("id")));
        row.values = values;
        row.unavailable = unavailable;
        row.last = new RowChange("catalog.menu_item", Op.UPDATE, values, values.keySet(), unavailable, null, 0);
        return row;
    }

    @Test
    void theRecordIsTheRowUnderTargetNamesAndReadsBackExactly() {
        Map<String, String> values = new HashMap<>();
        values.put("id", "a");
        values.put("name", "\"김치\" \\ 찌개 🍲\n\ttab\u0001");
        values.put("price", null);
        values.put("options", "{\"spicy\": true}");
        values.put("version", "3");

        String json = DeadLetters.recordJson(row(values, Set.of()));

        @SuppressWarnings("unchecked")
        Map<String, String> read = JsonMapper.builder().build().readValue(json, Map.class);
        Map<String, String> expected = new HashMap<>(values);
        expected.put("price_krw", expected.remove("price"));
        assertThat(read).isEqualTo(expected);
        assertThat(read).containsKey("price_krw").doesNotContainKey("price");
    }

    @Test
    void valuesTheSourceDidNotSendAreLeftOut() {
        Map<String, String> values =
                new HashMap<>(Map.of("id", "a", "name", "x", "price", "1", "options", "{}", "version", "1"));

        String json = DeadLetters.recordJson(row(values, Set.of("name")));

        assertThat(json).doesNotContain("\"name\"").contains("\"price_krw\":\"1\"");
    }

    @Test
    void aDeleteHasNoRecord() {
        PendingRow delete = new PendingRow(items, List.of("a"));
        delete.delete = true;

        assertThat(DeadLetters.recordJson(delete)).isNull();
    }
}
