package dev.banyan.proxy.routing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.banyan.proxy.config.RoutesConfig;
import dev.banyan.proxy.config.RoutesFileParser;

import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;

import static org.assertj.core.api.Assertions.assertThat;

class StickyCanaryTests {

    private static final int KEYS = 10_000;

    private static ActiveRoutes canaryAt(String percent) {
        RoutesConfig config = RoutesFileParser.parse(Path.of("routes.yml"), """
                legacy: {uri: http://localhost:8081}
                services:
                  catalog: {uri: http://localhost:8082}
                routes:
                  - id: catalog-reads
                    service: catalog
                    paths: [/api/restaurants, /api/restaurants/**]
                    stage: CANARY
                    percent: %s
                    sticky-by: header:X-Customer-Id
                """.formatted(percent));
        return ActiveRoutes.of(config, 1);
    }

    private static boolean toService(ActiveRoutes active, String customer) {
        return Router.decide(
                        active,
                        "GET",
                        PathContainer.parsePath("/api/restaurants/7"),
                        key -> key.name().equals("X-Customer-Id") ? customer : null)
                .toService();
    }

    @Test
    void tenThousandKeysAtTwentyFivePercentLandWithinTwoPointsOfTheShare() {
        ActiveRoutes active = canaryAt("25");
        long inService = 0;
        for (int i = 0; i < KEYS; i++) {
            if (toService(active, "customer-" + i)) {
                inService++;
            }
        }
        assertThat(inService).isBetween(2_300L, 2_700L);
    }

    @Test
    void sameKeyAlwaysLandsOnTheSameSide() {
        ActiveRoutes active = canaryAt("25");
        for (int i = 0; i < 500; i++) {
            boolean first = toService(active, "customer-" + i);
            for (int repeat = 0; repeat < 5; repeat++) {
                assertThat(toService(active, "customer-" + i)).isEqualTo(first);
            }
        }
        assertThat(CanaryBuckets.bucket("catalog", "customer-42"))
                .isEqualTo(CanaryBuckets.bucket("catalog", "customer-42"));
    }

    @Test
    void raisingPercentNeverMovesAKeyBackToLegacy() {
        ActiveRoutes at25 = canaryAt("25");
        ActiveRoutes at50 = canaryAt("50");
        Map<String, Boolean> before = new HashMap<>();
        long inServiceAt50 = 0;
        for (int i = 0; i < KEYS; i++) {
            String key = "customer-" + i;
            before.put(key, toService(at25, key));
            boolean after = toService(at50, key);
            if (after) {
                inServiceAt50++;
            }
            if (before.get(key)) {
                assertThat(after)
                        .as("key %s was on the service at 25%% and must stay there at 50%%", key)
                        .isTrue();
            }
        }
        assertThat(inServiceAt50).isBetween(4_800L, 5_200L);
        long movedForward = before.entrySet().stream()
                .filter(e -> !e.getValue() && toService(at50, e.getKey()))
                .count();
        assertThat(movedForward).isPositive();
    }

    @Test
    void zeroAndHundredPercentAreAbsolute() {
        for (int i = 0; i < 1_000; i++) {
            assertThat(toService(canaryAt("0"), "k" + i)).isFalse();
            assertThat(toService(canaryAt("100"), "k" + i)).isTrue();
        }
    }

    @Test
    void requestWithoutTheKeyIsChosenPerRequest() {
        ActiveRoutes active = canaryAt("50");
        int inService = 0;
        for (int i = 0; i < 2_000; i++) {
            if (toService(active, null)) {
                inService++;
            }
        }
        assertThat(inService).isBetween(800, 1_200);
    }

    @Test
    void bucketsAreStableAcrossRunsAndMachines() {
        // Pinned values: a change to the hash would silently reshuffle every cohort in production.
        assertThat(CanaryBuckets.bucket("catalog", "customer-1")).isEqualTo(5757);
        assertThat(CanaryBuckets.bucket("catalog", "고객-1")).isEqualTo(5438);
        // salted by service: cohorts of different services are independent
        assertThat(CanaryBuckets.bucket("ordering", "customer-1")).isEqualTo(8192);
    }
}
