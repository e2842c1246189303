package dev.banyan.proxy.fallback;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BodyBudgetTests {

    private final BodyBudget budget = new BodyBudget(1_000);

    @Test
    void aReservationThatWouldPassTheLimitIsRefusedAndTakesNothing() {
        BodyBudget.Reservation first = budget.open();
        first.reserveUpTo(700);
        BodyBudget.Reservation second = budget.open();
        second.reserveUpTo(300);
        assertThatThrownBy(() -> second.reserveUpTo(301))
                .isInstanceOf(BodyBudget.ExhaustedException.class)
                .hasMessageContaining("1000 of 1000 bytes buffered");
        assertThat(budget.used()).isEqualTo(1_000);
        second.release();
        assertThat(budget.used()).isEqualTo(700);
    }

    @Test
    void growingOnlyTakesTheDifference() {
        BodyBudget.Reservation reservation = budget.open();
        reservation.reserveUpTo(100);
        reservation.reserveUpTo(400);
        reservation.reserveUpTo(250);
        assertThat(budget.used()).isEqualTo(400);
    }

    @Test
    void theBytesComeBackWhenTheLastHolderLetsGoAndOnlyOnce() {
        BodyBudget.Reservation reservation = budget.open();
        reservation.reserveUpTo(600);
        reservation.retain(); // a shadow copy still sending the body
        reservation.release(); // the exchange ended
        assertThat(budget.used()).isEqualTo(600);
        reservation.release(); // the copy ended
        assertThat(budget.used()).isZero();
        reservation.release();
        reservation.retain();
        reservation.release();
        assertThat(budget.used()).isZero();
        assertThatThrownBy(() -> reservation.reserveUpTo(10)).isInstanceOf(IllegalStateException.class);
        assertThat(budget.used()).isZero();
    }
}
