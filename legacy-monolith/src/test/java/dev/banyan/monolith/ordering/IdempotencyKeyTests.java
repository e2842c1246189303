package dev.banyan.monolith.ordering;

import dev.banyan.monolith.ordering.domain.IdempotencyKey;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyKeyTests {

    @Test
    void isOneToTwoHundredNonBlankCharacters() {
        assertThat(new IdempotencyKey("주문-1").value()).isEqualTo("주문-1");
        assertThat(IdempotencyKey.violation("k".repeat(200))).isNull();
        assertThat(IdempotencyKey.violation("k".repeat(201))).isEqualTo("must be 1 to 200 non-blank characters");
        assertThat(IdempotencyKey.violation("  ")).isEqualTo("must be 1 to 200 non-blank characters");
        assertThatThrownBy(() -> new IdempotencyKey(""))
                .hasMessage("Idempotency-Key must be 1 to 200 non-blank characters");
    }
}
