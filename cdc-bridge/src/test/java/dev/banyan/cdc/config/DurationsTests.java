package dev.banyan.cdc.config;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;

class DurationsTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "500ms", "2s", "1h", "3d", "10", "0", "-5s", "+7m", "250us", "100ns", "PT30S", "pt1m30s", "P1DT2H",
                "-PT5S", "PT0.5S", "2 weeks", "1y", "s", "", "PT", "1.5s", "ten"
            })
    void readsEveryDurationAsSpringBootsDurationStyleDoes(String written) {
        assertThat(Durations.parse(written)).isEqualTo(spring(written));
    }

    private static Optional<Duration> spring(String written) {
        try {
            return Optional.of(DurationStyle.detectAndParse(written));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
