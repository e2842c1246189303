package dev.banyan.monolith.ordering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.banyan.monolith.catalog.MenuItemId;
import dev.banyan.monolith.catalog.RestaurantId;
import dev.banyan.monolith.customer.CustomerId;
import dev.banyan.monolith.ordering.domain.DeliveryHandler;
import dev.banyan.monolith.ordering.domain.Order;
import dev.banyan.monolith.ordering.domain.OrderLine;
import dev.banyan.monolith.shared.IllegalTransitionException;
import dev.banyan.monolith.shared.Krw;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderTests {

    static final Instant T0 = Instant.parse("2026-05-05T03:00:00Z");

    static Order placed() {
        return Order.place(
                new OrderId(UUID.randomUUID()),
                new CustomerId(UUID.randomUUID()),
                new RestaurantId(UUID.randomUUID()),
                "서울특별시 마포구 양화로 45",
                List.of(
                        new OrderLine(new MenuItemId(UUID.randomUUID()), "짜장면", Krw.of(7000), 2),
                        new OrderLine(new MenuItemId(UUID.randomUUID()), "탕수육 소", Krw.of(16000), 1)),
                Krw.of(2500),
                null,
                null,
                T0);
    }

    @Test
    void totalsThatDoNotFitALongFailInsteadOfWrappingAround() {
        OrderLine huge = new OrderLine(new MenuItemId(UUID.randomUUID()), "황금 떡", Krw.of(6148914691236523872L), 3);
        Order order = Order.place(
                new OrderId(UUID.randomUUID()),
                new CustomerId(UUID.randomUUID()),
                new RestaurantId(UUID.randomUUID()),
                "서울특별시 마포구 양화로 45",
                List.of(huge),
                Krw.ZERO,
                null,
                null,
                T0);

        assertThatThrownBy(huge::lineTotal).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(order::subtotal).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(order::total).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void pricesItsLinesPlusTheDeliveryFee() {
        Order order = placed();

        assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(order.subtotal()).isEqualTo(Krw.of(30000));
        assertThat(order.total()).isEqualTo(Krw.of(32500));
    }

    @Test
    void goesFromPlacedThroughAcceptedAndPickupToDelivered() {
        Order order = placed();

        order.accept(T0.plusSeconds(60), DeliveryHandler.MONOLITH);
        order.recordPickup(T0.plusSeconds(900));
        order.deliver(T0.plusSeconds(1800));

        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.acceptedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(order.pickedUpAt()).isEqualTo(T0.plusSeconds(900));
        assertThat(order.deliveredAt()).isEqualTo(T0.plusSeconds(1800));
    }

    @Test
    void illegalTransitionsNameTheCurrentState() {
        Order order = placed();

        assertThatThrownBy(() -> order.deliver(T0))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("is PLACED")
                .satisfies(e ->
                        assertThat(((IllegalTransitionException) e).state()).isEqualTo("PLACED"));
        assertThatThrownBy(() -> order.recordPickup(T0)).hasMessageContaining("is PLACED");
        order.accept(T0, DeliveryHandler.MONOLITH);
        assertThatThrownBy(() -> order.accept(T0, DeliveryHandler.MONOLITH)).hasMessageContaining("is ACCEPTED");
        assertThatThrownBy(() -> order.deliver(T0))
                .hasMessageContaining("is ACCEPTED")
                .hasMessageContaining("not been picked up");
        order.recordPickup(T0);
        assertThatThrownBy(() -> order.recordPickup(T0)).hasMessageContaining("already picked up");
        assertThatThrownBy(() -> order.cancel(T0))
                .hasMessageContaining("is ACCEPTED")
                .hasMessageContaining("picked up");
        order.deliver(T0);
        assertThatThrownBy(() -> order.cancel(T0))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageEndingWith("is DELIVERED; it can no longer be cancelled");
    }

    @Test
    void canBeCancelledWhilePlacedOrAcceptedBeforePickup() {
        Order placed = placed();
        Order accepted = placed();
        accepted.accept(T0, DeliveryHandler.MONOLITH);

        assertThat(placed.cancel(T0)).isEqualTo(OrderStatus.PLACED);
        assertThat(accepted.cancel(T0)).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(placed.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(accepted.cancelledAt()).isEqualTo(T0);
        assertThatThrownBy(() -> placed.cancel(T0)).hasMessageContaining("is CANCELLED");
        assertThatThrownBy(() -> accepted.accept(T0, DeliveryHandler.MONOLITH)).hasMessageContaining("is CANCELLED");
    }

    @Test
    void needsLinesAnAddressAndSaneQuantities() {
        assertThatThrownBy(() -> Order.place(
                        new OrderId(UUID.randomUUID()),
                        new CustomerId(UUID.randomUUID()),
                        new RestaurantId(UUID.randomUUID()),
                        "서울",
                        List.of(),
                        Krw.ZERO,
                        null,
                        null,
                        T0))
                .hasMessageContaining("at least one line");
        assertThatThrownBy(() -> new OrderLine(new MenuItemId(UUID.randomUUID()), "x", Krw.of(1000), 0))
                .hasMessageContaining("quantity");
        assertThatThrownBy(() -> new OrderLine(new MenuItemId(UUID.randomUUID()), "x", Krw.of(1000), 100))
                .hasMessageContaining("quantity");
        assertThatThrownBy(() -> Order.place(
                        new OrderId(UUID.randomUUID()),
                        new CustomerId(UUID.randomUUID()),
                        new RestaurantId(UUID.randomUUID()),
                        " ",
                        List.of(new OrderLine(new MenuItemId(UUID.randomUUID()), "x", Krw.of(1000), 1)),
                        Krw.ZERO,
                        null,
                        null,
                        T0))
                .hasMessageContaining("delivery address");
    }

    @Test
    void cancellingAnAcceptedOrderOfTheDeliveryServiceOnlyMakesItPendingOnce() {
        Order order = placed();
        order.accept(T0, DeliveryHandler.DELIVERY_SERVICE);

        assertThat(order.cancel(T0.plusSeconds(5))).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLATION_PENDING);
        assertThat(order.cancelledAt()).isNull();
        assertThat(order.cancel(T0.plusSeconds(6)))
                .as("a repeated cancel changes nothing")
                .isEqualTo(OrderStatus.CANCELLATION_PENDING);
        assertThat(order.updatedAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void aConfirmedCancellationCancelsAndARefusedOneLeavesTheOrderAcceptedAndPickedUp() {
        Order confirmed = placed();
        confirmed.accept(T0, DeliveryHandler.DELIVERY_SERVICE);
        confirmed.cancel(T0);
        Order refused = placed();
        refused.accept(T0, DeliveryHandler.DELIVERY_SERVICE);
        refused.cancel(T0);

        confirmed.confirmCancellation(T0.plusSeconds(1));
        refused.refuseCancellation(T0.plusSeconds(2), T0.plusSeconds(3));

        assertThat(confirmed.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(confirmed.cancelledAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(refused.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(refused.pickedUpAt()).isEqualTo(T0.plusSeconds(2));
        assertThatThrownBy(() -> refused.cancel(T0.plusSeconds(4))).hasMessageContaining("picked up");
        assertThatThrownBy(() -> confirmed.refuseCancellation(T0, T0)).hasMessageContaining("is CANCELLED");
    }

    @Test
    void aPickupWhileTheCancellationIsPendingMeansThePickupWonTheRace() {
        Order order = placed();
        order.accept(T0, DeliveryHandler.DELIVERY_SERVICE);
        order.cancel(T0.plusSeconds(1));

        order.recordPickup(T0.plusSeconds(2));

        assertThat(order.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(order.pickedUpAt()).isEqualTo(T0.plusSeconds(2));
        assertThatThrownBy(() -> order.confirmCancellation(T0.plusSeconds(3))).hasMessageContaining("is ACCEPTED");
    }

    @Test
    void anAcceptedOrderOfTheMonolithIsCancelledAtOnce() {
        Order order = placed();
        order.accept(T0, DeliveryHandler.MONOLITH);

        assertThat(order.cancel(T0.plusSeconds(1))).isEqualTo(OrderStatus.ACCEPTED);

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.deliveryHandler()).isEqualTo(DeliveryHandler.MONOLITH);
    }
}
