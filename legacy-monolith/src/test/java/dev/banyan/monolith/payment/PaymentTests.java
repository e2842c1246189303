package dev.banyan.monolith.payment;

import java.time.Instant;
import java.util.UUID;

import dev.banyan.monolith.payment.domain.Payment;
import dev.banyan.monolith.shared.IllegalTransitionException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentTests {

    static final Instant T0 = Instant.parse("2026-05-05T03:00:00Z");

    static Payment authorized() {
        return Payment.authorized(
                new PaymentId(UUID.randomUUID()), UUID.randomUUID(), UUID.randomUUID(), 25000, "auth_1", T0);
    }

    @Test
    void capturesThenRefundsTheFullAmount() {
        Payment payment = authorized();

        payment.capture(T0);
        assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(payment.capturedAmount()).isEqualTo(25000);
        payment.refund(T0);
        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(payment.refundedAmount()).isEqualTo(25000);
    }

    @Test
    void voidingReleasesTheAuthorizationWithoutCharging() {
        Payment payment = authorized();

        payment.voidAuthorization(T0);

        assertThat(payment.status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(payment.capturedAmount()).isZero();
        assertThatThrownBy(() -> payment.capture(T0))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("is VOIDED");
    }

    @Test
    void illegalTransitionsNameTheCurrentState() {
        Payment payment = authorized();

        assertThatThrownBy(() -> payment.refund(T0)).hasMessageContaining("is AUTHORIZED");
        payment.capture(T0);
        assertThatThrownBy(() -> payment.capture(T0)).hasMessageContaining("is CAPTURED");
        assertThatThrownBy(() -> payment.voidAuthorization(T0)).hasMessageContaining("is CAPTURED");
    }

    @Test
    void amountMustBePositive() {
        assertThatThrownBy(() -> Payment.authorized(
                        new PaymentId(UUID.randomUUID()), UUID.randomUUID(), UUID.randomUUID(), 0, "auth", T0))
                .hasMessageContaining("positive");
    }
}
