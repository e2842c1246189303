package dev.banyan.catalog.contract;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class NormalizerTests {

    private final Normalizer normalizer = new Normalizer(Map.of("0b1e6a0e-7d5c-4b8e-9f43-2f4f0e7a1c11", "new-item"));

    @Test
    void masksCreatedIdsEverywhereAndWellFormedTimestamps() {
        JsonNode normalized = normalizer.normalize(ScenarioRunner.JSON.readTree("""
                {"id":"0b1e6a0e-7d5c-4b8e-9f43-2f4f0e7a1c11","createdAt":"2026-11-24T23:59:59.123456Z",
                 "detail":"Menu item 0b1e6a0e-7d5c-4b8e-9f43-2f4f0e7a1c11 not found",
                 "menu":[{"updatedAt":"2026-11-24T23:59:59Z","name":"치킨"}]}"""));
        assertThat(normalized.toString())
                .isEqualTo("{\"id\":\"{new-item}\",\"createdAt\":\"<instant>\","
                        + "\"detail\":\"Menu item {new-item} not found\","
                        + "\"menu\":[{\"updatedAt\":\"<instant>\",\"name\":\"치킨\"}]}");
    }

    @Test
    void leavesEverythingElseAlone() {
        String fixtureId = "{\"id\":\"7c9e6679-7425-40de-944b-e07fc1f90ae7\",\"createdAt\":\"yesterday\","
                + "\"updatedAt\":1700000000,\"price\":9000,\"phone\":null}";
        assertThat(normalizer.normalize(ScenarioRunner.JSON.readTree(fixtureId)).toString())
                .isEqualTo(fixtureId);
    }

    @Test
    void differentAnswersStayDifferent() {
        JsonNode a = normalizer.normalize(ScenarioRunner.JSON.readTree("{\"name\":\"교촌\",\"price\":1}"));
        JsonNode b = normalizer.normalize(ScenarioRunner.JSON.readTree("{\"name\":\"교촌\",\"price\":2}"));
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void resolvesAliasesAndRefusesUnresolvedOnes() {
        assertThat(ScenarioRunner.resolve(
                        "/api/restaurants/{new-restaurant}/menu-items", Map.of("new-restaurant", "abc")))
                .isEqualTo("/api/restaurants/abc/menu-items");
        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> ScenarioRunner.resolve("/api/restaurants/{new-restaurant}", Map.of()))
                .withMessageContaining("{new-restaurant}");
    }
}
