package dev.banyan.proxy.reload;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import dev.banyan.proxy.config.RoutesConfig;
import dev.banyan.proxy.config.RoutesFileParser;
import dev.banyan.proxy.config.Stage;
import dev.banyan.proxy.metrics.ProxyMetrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
            event-routes:
              - id: delivery-events   # who assigns riders to new orders
                switch: http://localhost:8081/internal/event-routes/delivery
                stage: LEGACY
            """;

    @Test
    void changesAnEventRoutesStageAndNothingElse() {
        String edited = RoutesFileEditor.editEventRoute(FILE, "delivery-events", Stage.MIGRATED);
        assertThat(edited).isEqualTo(FILE.replace("    stage: LEGACY\n", "    stage: MIGRATED\n"));
        assertThat(RoutesFileParser.parse(Path.of("routes.yml"), edited)
                        .eventRoute("delivery-events")
                        .orElseThrow()
                        .stage())
                .isEqualTo(Stage.MIGRATED);
    }

    @Test
    void anUnknownEventRouteIsNamed() {
        assertThatThrownBy(() -> RoutesFileEditor.editEventRoute(FILE, "catalog-reads", Stage.MIGRATED))
                .isInstanceOf(RoutesFileEditor.UnknownRouteException.class)
                .hasMessage("no event route with id 'catalog-reads'");
    }

    @Test
    void changesOnlyTheValuesAndKeepsCommentsAndLayout() {
        String edited = RoutesFileEditor.edit(FILE, "catalog-reads", Stage.CANARY, new BigDecimal("25"));
        assertThat(edited).isEqualTo(FILE.replace("    stage: SHADOW\n", "    stage: CANARY\n    percent: 25\n"));
        RoutesConfig config = RoutesFileParser.parse(Path.of("routes.yml"), edited);
        assertThat(config.route("catalog-reads").orElseThrow().percentBasisPoints())
                .isEqualTo(2500);
    }

    @Test
    void editsFlowStyleRoutesInPlace() {
        String edited = RoutesFileEditor.edit(FILE, "categories", Stage.MIGRATED, new BigDecimal("12.50"));
        assertThat(edited)
                .contains(
                        "{id: categories, service: catalog, paths: [/api/categories], stage: MIGRATED, percent: 12.5}");
        String percentOnly = RoutesFileEditor.edit(FILE, "categories", null, new BigDecimal("50"));
        assertThat(percentOnly).contains("stage: CANARY, percent: 50}");
    }

    @Test
    void insertsAPercentIntoAFlowRouteWithoutOne() {
        String file = FILE.replace("stage: CANARY, percent: 10}", "stage: SHADOW}");
        String edited = RoutesFileEditor.edit(file, "categories", Stage.CANARY, new BigDecimal("5"));
        assertThat(edited).contains("stage: CANARY, percent: 5}");
        assertThat(RoutesFileParser.parse(Path.of("routes.yml"), edited)
                        .route("categories")
                        .orElseThrow()
                        .percent())
                .isEqualTo(5.0);
    }

    @Test
    void writingBackThroughASymlinkKeepsTheLinkAndThePermissions(@TempDir Path dir) throws IOException {
        Path real = Files.createDirectories(dir.resolve("releases/7")).resolve("routes.yml");
        Files.writeString(real, FILE, StandardCharsets.UTF_8);
        Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(real, mode);
        Path link = Files.createDirectories(dir.resolve("etc")).resolve("routes.yml");
        Files.createSymbolicLink(link, Path.of("../releases/7/routes.yml"));
        RoutesFileEditor editor =
                new RoutesFileEditor(new RoutesManager(link, new ProxyMetrics(new SimpleMeterRegistry())));

        editor.update("catalog-reads", Stage.MIGRATED, null);

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("../releases/7/routes.yml"));
        assertThat(Files.readString(real, StandardCharsets.UTF_8)).contains("stage: MIGRATED");
        assertThat(Files.getPosixFilePermissions(real)).isEqualTo(mode);
        try (var etc = Files.list(link.getParent());
                var releases = Files.list(real.getParent())) {
            assertThat(etc).containsExactly(link);
            assertThat(releases).containsExactly(real);
        }
    }

    @Test
    void writingBackKeepsThePermissionsOfAPlainFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("routes.yml");
        Files.writeString(file, FILE, StandardCharsets.UTF_8);
        Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rw-rw-r--");
        Files.setPosixFilePermissions(file, mode);
        RoutesFileEditor editor =
                new RoutesFileEditor(new RoutesManager(file, new ProxyMetrics(new SimpleMeterRegistry())));

        editor.update("categories", null, new BigDecimal("20"));

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("stage: CANARY, percent: 20}");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(mode);
    }

    @Test
    void unknownRouteIsReported() {
        assertThatThrownBy(() -> RoutesFileEditor.edit(FILE, "nope", Stage.LEGACY, null))
                .isInstanceOf(RoutesFileEditor.UnknownRouteException.class)
                .hasMessageContaining("nope");
    }
}
