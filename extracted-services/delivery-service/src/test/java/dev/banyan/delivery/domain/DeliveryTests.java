package dev.banyan.delivery.domain;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryTests {

    private static final Instant ASSIGNED_AT = Instant.parse("2026-06-01T02:15:30.123456Z");
    private static final Instant LATER = ASSIGNED_AT.plusSeconds(600);

    @Test
    void goesFromAssignedThroughPickedUpToDelivered() {
        Delivery delivery = assigned();

        delivery.pickUp(LATER);
        delivery.complete(LATER.plusSeconds(900));

        assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivery.pickedUpAt()).isEqualTo(LATER);
        assertThat(delivery.deliveredAt()).isEqualTo(LATER.plusSeconds(900));
    }

    @Test
    void refusesToCompleteBeforePickupNamingTheState() {
        Delivery delivery = assigned();

        assertThatThrownBy(() -> delivery.complete(LATER))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("Delivery of order " + delivery.orderId()
                        + " is ASSIGNED; only an PICKED_UP delivery can be completed")
                .extracting(e -> ((IllegalTransitionException) e).state())
                .isEqualTo("ASSIGNED");
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.ASSIGNED);
    }

    @Test
    void refusesASecondPickup() {
        Delivery delivery = assigned();
        delivery.pickUp(LATER);

        assertThatThrownBy(() -> delivery.pickUp(LATER.plusSeconds(1)))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("is PICKED_UP; only an ASSIGNED delivery can be picked up");
        assertThat(delivery.pickedUpAt()).isEqualTo(LATER);
    }

    @Test
    void aCancelledDeliveryCanNoLongerBePickedUp() {
        Delivery delivery = assigned();
        delivery.cancel(LATER);

        assertThatThrownBy(() -> delivery.pickUp(LATER.plusSeconds(1)))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("is CANCELLED; only an ASSIGNED delivery can be picked up");
    }

    @Test
    void answersACancellationOfAnAssignedDeliveryByCancellingIt() {
        Delivery delivery = assigned();

        assertThat(delivery.answerCancellation(LATER)).isEqualTo(Delivery.CancellationAnswer.CANCELLED);

        assertThat(delivery.status()).isEqualTo(DeliveryStatus.CANCELLED);
        assertThat(delivery.cancelledAt()).isEqualTo(LATER);
    }

    @Test
    void refusesACancellationOncePickedUpOrDeliveredAndStaysAsItIs() {
        Delivery pickedUp = assigned();
        pickedUp.pickUp(LATER);
        Delivery delivered = assigned();
        delivered.pickUp(LATER);
        delivered.complete(LATER);

        assertThat(pickedUp.answerCancellation(LATER)).isEqualTo(Delivery.CancellationAnswer.REFUSED);
        assertThat(delivered.answerCancellation(LATER)).isEqualTo(Delivery.CancellationAnswer.REFUSED);

        assertThat(pickedUp.status()).isEqualTo(DeliveryStatus.PICKED_UP);
        assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(pickedUp.cancelledAt()).isNull();
    }

    @Test
    void aSecondCancellationFindsItCancelledAlready() {
        Delivery delivery = assigned();
        delivery.answerCancellation(LATER);

        assertThat(delivery.answerCancellation(LATER.plusSeconds(5)))
                .isEqualTo(Delivery.CancellationAnswer.ALREADY_CANCELLED);
        assertThat(delivery.cancelledAt()).isEqualTo(LATER);
    }

    @Test
    void onlyACancelledDeliveryMayLackARider() {
        Delivery marker = Delivery.cancelledBeforeAssignment(
                new DeliveryId(UUID.randomUUID()), new OrderId(UUID.randomUUID()), LATER);

        assertThat(marker.status()).isEqualTo(DeliveryStatus.CANCELLED);
        assertThat(marker.riderId()).isNull();
        assertThatThrownBy(() -> new Delivery(
                        new DeliveryId(UUID.randomUUID()),
                        new OrderId(UUID.randomUUID()),
                        null,
                        null,
                        null,
                        null,
                        DeliveryStatus.ASSIGNED,
                        LATER,
                        null,
                        null,
                        null,
                        0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a ASSIGNED delivery needs a rider");
    }

    private static Delivery assigned() {
        return Delivery.assign(
                new DeliveryId(UUID.randomUUID()),
                new OrderId(UUID.randomUUID()),
                new RiderId(UUID.randomUUID()),
                new RestaurantId(UUID.randomUUID()),
                "서울특별시 강남구 테헤란로 152",
                "서울특별시 마포구 월드컵북로 396",
                ASSIGNED_AT);
    }
}
