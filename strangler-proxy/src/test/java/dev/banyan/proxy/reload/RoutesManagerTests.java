package dev.banyan.proxy.reload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.banyan.proxy.config.Stage;
import dev.banyan.proxy.metrics.ProxyMetrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When a change of the routes file is taken, driven check by check as the watcher drives it. */
class RoutesManagerTests {

    private static final String BEFORE = """
            legacy: {uri: http://localhost:8081}
            services:
              catalog: {uri: http://localhost:8082}
            routes:
              - {id: reads, service: catalog, paths: [/api/restaurants/**], stage: LEGACY}
              - {id: categories, service: catalog, paths: [/api/categories], stage: LEGACY}
            """;

    /** The same file moved on: its first lines alone are a valid file too, with one route fewer. */
    private static final String PREFIX = """
            legacy: {uri: http://localhost:8081}
            services:
              catalog: {uri: http://localhost:8082}
            routes:
              - {id: reads, service: catalog, paths: [/api/restaurants/**], stage: MIGRATED}
            """;

    private static final String AFTER = PREFIX + """
              - {id: categories, service: catalog, paths: [/api/categories], stage: MIGRATED}
            """;

    @TempDir
    Path dir;

    private RoutesManager start() throws IOException {
        Path file = dir.resolve("routes.yml");
        Files.writeString(file, BEFORE, StandardCharsets.UTF_8);
        return new RoutesManager(file, new ProxyMetrics(new SimpleMeterRegistry()));
    }

    private void write(String text) throws IOException {
        Files.writeString(dir.resolve("routes.yml"), text, StandardCharsets.UTF_8);
    }

    @Test
    void aHalfWrittenFileWithAValidPrefixIsNotApplied() throws IOException {
        RoutesManager routes = start();
        long version = routes.current().version();

        write(PREFIX); // the writer has got this far when the check reads the file
        routes.reloadIfChanged();
        assertThat(routes.current().version()).isEqualTo(version);
        assertThat(routes.current().config().routes()).hasSize(2);

        write(AFTER); // and then finishes
        routes.reloadIfChanged();
        assertThat(routes.current().version()).isEqualTo(version);

        routes.reloadIfChanged();
        assertThat(routes.current().version()).isGreaterThan(version);
        assertThat(routes.current().config().routes())
                .hasSize(2)
                .allSatisfy(route -> assertThat(route.stage()).isEqualTo(Stage.MIGRATED));
        assertThat(routes.appliedText()).isEqualTo(AFTER);
    }

    @Test
    void anInvalidTextIsOnlyRejectedOnceItIsReadTwice() throws IOException {
        RoutesManager routes = start();
        write(BEFORE.replaceFirst("stage: LEGACY", "stage: CANARI"));
        routes.reloadIfChanged();
        assertThat(routes.lastError()).isNull();
        routes.reloadIfChanged();
        assertThat(routes.lastError()).isNotNull();
        assertThat(routes.lastError().problems().get(0).reason()).contains("CANARI");
    }

    @Test
    void restoringTheAppliedTextClearsARejection() throws IOException {
        RoutesManager routes = start();
        write("routes: [");
        routes.reloadIfChanged();
        routes.reloadIfChanged();
        assertThat(routes.lastError()).isNotNull();

        write(BEFORE);
        routes.reloadIfChanged();
        assertThat(routes.lastError()).isNull();
        assertThat(routes.changePending()).isFalse();
    }

    @Test
    void theAdminApiDoesNotEditOverAChangeThatIsNotTakenYet() throws IOException {
        RoutesManager routes = start();
        RoutesFileEditor editor = new RoutesFileEditor(routes);
        write(AFTER);

        assertThatThrownBy(() -> editor.update("reads", Stage.SHADOW, null))
                .isInstanceOf(RoutesFileEditor.PendingChangeException.class)
                .hasMessageContaining("not applied yet");
        assertThat(Files.readString(dir.resolve("routes.yml"), StandardCharsets.UTF_8))
                .isEqualTo(AFTER);

        // the next check takes the change, and the edit goes on top of it
        editor.update("reads", Stage.SHADOW, null);
        assertThat(routes.current().config().route("categories").orElseThrow().stage())
                .isEqualTo(Stage.MIGRATED);
        assertThat(routes.current().config().route("reads").orElseThrow().stage())
                .isEqualTo(Stage.SHADOW);
    }
}
