package dev.banyan.cdc.apply;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTests {

    @Test
    void doublesEveryPauseUpToTheMaximum() throws InterruptedException {
        List<Long> slept = new ArrayList<>();
        Backoff backoff = Backoff.exponential(Duration.ofMillis(100), Duration.ofMillis(500), slept::add);

        for (int i = 0; i < 5; i++) {
            backoff.pause();
        }

        assertThat(slept).containsExactly(100L, 200L, 400L, 500L, 500L);
        assertThat(backoff.nextMillis()).isEqualTo(500);
    }

    @Test
    void aNewBackoffStartsFromTheInitialDelayAgain() throws InterruptedException {
        List<Long> slept = new ArrayList<>();
        Backoff first = Backoff.exponential(Duration.ofMillis(20), Duration.ofSeconds(1), slept::add);
        first.pause();
        first.pause();

        Backoff.exponential(Duration.ofMillis(20), Duration.ofSeconds(1), slept::add)
                .pause();

        assertThat(slept).containsExactly(20L, 40L, 20L);
    }
}
