package dev.banyan.monolith.delivery;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.banyan.monolith.ModuleTestSupport;
import dev.banyan.monolith.catalog.RestaurantId;
import dev.banyan.monolith.delivery.domain.Deliveries;
import dev.banyan.monolith.delivery.domain.Delivery;
import dev.banyan.monolith.delivery.domain.DeliveryService;
import dev.banyan.monolith.delivery.domain.DeliveryStatus;
import dev.banyan.monolith.ordering.OrderAccepted;
import dev.banyan.monolith.ordering.OrderCancelled;
import dev.banyan.monolith.ordering.OrderFulfilment;
import dev.banyan.monolith.ordering.OrderId;
import dev.banyan.monolith.ordering.OrderStatus;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;

/**
 * The delivery module on its own: it reacts to the events the ordering module publishes and reports back through
 * {@link OrderFulfilment}, the only part of ordering it sees (here a mock, as Spring Modulith's examples do for a
 * module's dependencies).
 */
@ApplicationModuleTest
@TestPropertySource(
        properties = {ModuleTestSupport.EPHEMERAL_DATABASE, ModuleTestSupport.FREE_PORT, ModuleTestSupport.NO_DEMO_DATA
        })
@Import(ModuleTestSupport.class)
class DeliveryModuleIntegrationTests {

    @MockitoBean
    OrderFulfilment orders;

    @Autowired
    Deliveries deliveries;

    @Autowired
    DeliveryService service;

    @Test
    void assignsARiderWhenTheRestaurantAcceptsAnOrder(Scenario scenario) {
        OrderId orderId = new OrderId(UUID.randomUUID());

        scenario.publish(accepted(orderId))
                .andWaitForStateChange(() -> deliveries.findByOrder(orderId), Optional::isPresent)
                .andVerify(delivery -> {
                    Delivery assigned = delivery.orElseThrow();
                    assertThat(assigned.status()).isEqualTo(DeliveryStatus.ASSIGNED);
                    assertThat(assigned.riderId()).isNotNull();
                    assertThat(assigned.pickupAddress()).isEqualTo("서울특별시 종로구 종로 1");
                    assertThat(assigned.dropOffAddress()).isEqualTo("서울특별시 마포구 월드컵로 10, 101동 1001호");
                });
    }

    @Test
    void cancelsTheDeliveryWhenAnAcceptedOrderIsCancelled(Scenario scenario) {
        OrderId orderId = new OrderId(UUID.randomUUID());
        scenario.publish(accepted(orderId))
                .andWaitForStateChange(() -> deliveries.findByOrder(orderId), Optional::isPresent)
                .andVerify(delivery -> assertThat(delivery).isPresent());

        scenario.publish(new OrderCancelled(orderId, OrderStatus.ACCEPTED, Instant.now()))
                .andWaitForStateChange(
                        () -> deliveries.findByOrder(orderId).map(Delivery::status),
                        status ->
                                status.filter(DeliveryStatus.CANCELLED::equals).isPresent())
                .andVerify(status -> assertThat(status).contains(DeliveryStatus.CANCELLED));
    }

    @Test
    void reportsThePickupToOrdering(Scenario scenario) {
        OrderId orderId = new OrderId(UUID.randomUUID());
        scenario.publish(accepted(orderId))
                .andWaitForStateChange(() -> deliveries.findByOrder(orderId), Optional::isPresent)
                .andVerify(delivery -> assertThat(delivery).isPresent());

        service.pickUp(orderId);

        verify(orders).recordPickup(eq(orderId), any(Instant.class));
        assertThat(deliveries.findByOrder(orderId).orElseThrow().status()).isEqualTo(DeliveryStatus.PICKED_UP);
    }

    private static OrderAccepted accepted(OrderId orderId) {
        return new OrderAccepted(
                orderId,
                new RestaurantId(UUID.randomUUID()),
                "서울특별시 종로구 종로 1",
                "서울특별시 마포구 월드컵로 10, 101동 1001호",
                Instant.now());
    }
}
