package dev.banyan.proxy.reload;

import java.math.BigDecimal;
import java.nio.file.Path;

import dev.banyan.proxy.config.RoutesConfig;
import dev.banyan.proxy.config.RoutesFileParser;
import dev.banyan.proxy.config.Stage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutesFileEditorTests {

    private static final String FILE = """
            # 카탈로그 이전 계획 (catalog migration) 🌳
            legacy:
              uri: http://localhost:8081
            services:
              catalog: {uri: http://localhost:8082}
            routes:
              - id: catalog-reads     # reads first
                service: catalog
                paths: [/api/restaurants/**]
                stage: SHADOW
                fallback-to-legacy: true
              - {id: categories, service: catalog, paths: [/api/categories], stage: CANARY, percent: 10}
            """;

    @Test
    void changesOnlyTheValuesAndKeepsCommentsAndLayout() {
        String edited = RoutesFileEditor.edit(FILE, "catalog-reads", Stage.CANARY, new BigDecimal("25"));
        assertThat(edited).isEqualTo(FILE.replace("    stage: SHADOW\n", "    stage: CANARY\n    percent: 25\n"));
        RoutesConfig config = RoutesFileParser.parse(Path.of("routes.yml"), edited);
        assertThat(config.route("catalog-reads").orElseThrow().percentBasisPoints()).isEqualTo(2500);
    }

    @Test
    void editsFlowStyleRoutesInPlace() {
        String edited = RoutesFileEditor.edit(FILE, "categories", Stage.MIGRATED, new BigDecimal("12.50"));
        assertThat(edited).contains("{id: categories, service: catalog, paths: [/api/categories], stage: MIGRATED, percent: 12.5}");
        String percentOnly = RoutesFileEditor.edit(FILE, "categories", null, new BigDecimal("50"));
        assertThat(percentOnly).contains("stage: CANARY, percent: 50}");
    }

    @Test
    void insertsAPercentIntoAFlowRouteWithoutOne() {
        String file = FILE.replace("stage: CANARY, percent: 10}", "stage: SHADOW}");
        String edited = RoutesFileEditor.edit(file, "categories", Stage.CANARY, new BigDecimal("5"));
        assertThat(edited).contains("stage: CANARY, percent: 5}");
        assertThat(RoutesFileParser.parse(Path.of("routes.yml"), edited).route("categories").orElseThrow().percent())
                .isEqualTo(5.0);
    }

    @Test
    void unknownRouteIsReported() {
        assertThatThrownBy(() -> RoutesFileEditor.edit(FILE, "nope", Stage.LEGACY, null))
                .isInstanceOf(RoutesFileEditor.UnknownRouteException.class).hasMessageContaining("nope");
    }
}
