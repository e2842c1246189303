package dev.banyan.proxy.events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import dev.banyan.proxy.config.Stage;
import dev.banyan.proxy.metrics.ProxyMetrics;
import dev.banyan.proxy.reload.RoutesManager;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EventRouteSyncTests {

    @TempDir
    Path dir;

    @Test
    void withoutATokenTheRouteStaysOutOfSyncAndSaysWhy() throws IOException {
        Path file = dir.resolve("routes.yml");
        Files.writeString(file, """
                legacy: {uri: "http://127.0.0.1:1"}
                event-routes:
                  - {id: delivery-events, switch: "http://127.0.0.1:1/internal/event-routes/delivery", stage: MIGRATED}
                """);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RoutesManager routes = new RoutesManager(file, new ProxyMetrics(registry));
        try (EventRouteSync sync =
                new EventRouteSync(routes, " ", Duration.ofSeconds(10), registry, Clock.systemUTC())) {
            sync.syncOnce();

            EventRouteSync.Status status = sync.status("delivery-events").orElseThrow();
            assertThat(status.stage()).isEqualTo(Stage.MIGRATED);
            assertThat(status.confirmedStage()).isNull();
            assertThat(status.inSync()).isFalse();
            assertThat(status.lastError()).contains("banyan.event-routes.token is not set");
            assertThat(registry.get("banyan.event.routes.out.of.sync").gauge().value())
                    .isEqualTo(1.0);
        }
    }
}
