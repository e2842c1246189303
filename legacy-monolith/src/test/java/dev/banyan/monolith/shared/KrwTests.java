package dev.banyan.monolith.shared;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KrwTests {

    @Test
    void addsAndMultipliesWholeWon() {
        assertThat(Krw.of(7000).times(2).plus(Krw.of(16000))).isEqualTo(Krw.of(30000));
        assertThat(Krw.of(32500).minus(Krw.of(2500))).isEqualTo(Krw.of(30000));
        assertThat(Krw.ZERO.times(99)).isEqualTo(Krw.ZERO);
    }

    @Test
    void refusesToWrapAroundPastTheLargestAmount() {
        assertThatThrownBy(() -> Krw.of(6148914691236523872L).times(3)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Krw.of(Long.MAX_VALUE).plus(Krw.of(1))).isInstanceOf(ArithmeticException.class);
        assertThat(Krw.of(Long.MAX_VALUE - 1).plus(Krw.of(1))).isEqualTo(Krw.of(Long.MAX_VALUE));
    }

    @Test
    void isNeverNegative() {
        assertThatThrownBy(() -> Krw.of(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> Krw.of(1000).minus(Krw.of(1001)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("1000 KRW minus 1001 KRW would be negative");
        assertThatThrownBy(() -> Krw.of(1000).times(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void comparesByAmount() {
        assertThat(Krw.of(9000).isLessThan(Krw.of(12000))).isTrue();
        assertThat(Krw.of(12000).isGreaterThan(Krw.of(12000))).isFalse();
        assertThat(Krw.of(12000)).isGreaterThan(Krw.of(9000));
        assertThat(Krw.of(21500)).hasToString("21500 KRW");
    }

    @Test
    void isWrittenAndReadAsTheBareNumberOfWon() {
        JsonMapper json = JsonMapper.builder().build();

        assertThat(json.writeValueAsString(Krw.of(21500))).isEqualTo("21500");
        assertThat(json.readValue("21500", Krw.class)).isEqualTo(Krw.of(21500));
    }
}
