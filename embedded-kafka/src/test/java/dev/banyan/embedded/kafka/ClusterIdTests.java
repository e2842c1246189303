package dev.banyan.embedded.kafka;

import java.security.SecureRandom;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterIdTests {

    @Test
    void neverStartsWithADashThoughOneRandomIdInSixtyFourWould() {
        // a seeded source makes the draw repeatable; 10,000 draws meet a leading '-' about 150 times
        SecureRandom random = new SecureRandom() {
            private final Random seeded = new Random(42);

            @Override
            public void nextBytes(byte[] bytes) {
                seeded.nextBytes(bytes);
            }
        };
        for (int i = 0; i < 10_000; i++) {
            String id = EmbeddedKafkaBroker.newClusterId(random);
            assertThat(id).hasSize(22).doesNotStartWith("-").matches("[A-Za-z0-9_-]+");
        }
    }
}
