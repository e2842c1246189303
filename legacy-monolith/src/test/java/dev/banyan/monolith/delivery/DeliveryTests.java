package dev.banyan.monolith.delivery;

import java.time.Instant;
import java.util.UUID;

import dev.banyan.monolith.catalog.RestaurantId;
import dev.banyan.monolith.delivery.domain.Delivery;
import dev.banyan.monolith.delivery.domain.DeliveryStatus;
import dev.banyan.monolith.ordering.OrderId;
import dev.banyan.monolith.shared.IllegalTransitionException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryTests {

    static final Instant T0 = Instant.parse("2026-05-05T03:00:00Z");

    static Delivery assigned() {
        return Delivery.assign(
                new DeliveryId(UUID.randomUUID()),
                new OrderId(UUID.randomUUID()),
                new RiderId(UUID.randomUUID()),
                new RestaurantId(UUID.randomUUID()),
                "서울 종로구",
                "서울 마포구",
                T0);
    }

    @Test
    void isPickedUpThenDelivered() {
        Delivery delivery = assigned();

        delivery.pickUp(T0.plusSeconds(600));
        delivery.complete(T0.plusSeconds(1200));

        assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivery.pickedUpAt()).isEqualTo(T0.plusSeconds(600));
        assertThat(delivery.deliveredAt()).isEqualTo(T0.plusSeconds(1200));
    }

    @Test
    void illegalTransitionsNameTheCurrentState() {
        Delivery delivery = assigned();

        assertThatThrownBy(() -> delivery.complete(T0))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("is ASSIGNED");
        delivery.pickUp(T0);
        assertThatThrownBy(() -> delivery.pickUp(T0)).hasMessageContaining("is PICKED_UP");
        assertThatThrownBy(() -> delivery.cancel(T0)).hasMessageContaining("is PICKED_UP");
    }

    @Test
    void canBeCancelledOnlyBeforePickup() {
        Delivery delivery = assigned();
        delivery.cancel(T0);

        assertThat(delivery.status()).isEqualTo(DeliveryStatus.CANCELLED);
        assertThatThrownBy(() -> delivery.pickUp(T0)).hasMessageContaining("is CANCELLED");
        Delivery tombstone = Delivery.cancelledBeforeAssignment(
                new DeliveryId(UUID.randomUUID()), new OrderId(UUID.randomUUID()), T0);
        assertThat(tombstone.riderId()).isNull();
        assertThatThrownBy(() -> Delivery.assign(
                        new DeliveryId(UUID.randomUUID()), new OrderId(UUID.randomUUID()), null, null, "a", "b", T0))
                .isInstanceOf(NullPointerException.class);
    }
}
