package dev.banyan.monolith.ordering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.banyan.monolith.ModuleTestSupport;
import dev.banyan.monolith.catalog.CatalogImport;
import dev.banyan.monolith.catalog.CatalogImport.ImportedMenuItem;
import dev.banyan.monolith.catalog.CatalogImport.ImportedRestaurant;
import dev.banyan.monolith.catalog.MenuItemId;
import dev.banyan.monolith.catalog.RestaurantId;
import dev.banyan.monolith.customer.CustomerId;
import dev.banyan.monolith.customer.CustomerImport;
import dev.banyan.monolith.customer.CustomerImport.ImportedAddress;
import dev.banyan.monolith.customer.CustomerImport.ImportedCustomer;
import dev.banyan.monolith.ordering.domain.EventRoute;
import dev.banyan.monolith.ordering.domain.EventRouteService;
import dev.banyan.monolith.ordering.domain.EventRouteStage;
import dev.banyan.monolith.ordering.domain.IdempotencyKey;
import dev.banyan.monolith.ordering.domain.Order;
import dev.banyan.monolith.ordering.domain.OrderService;
import dev.banyan.monolith.ordering.domain.OrderService.PlaceOrder;
import dev.banyan.monolith.ordering.domain.OrderService.Placement;
import dev.banyan.monolith.shared.Krw;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ordering module with the modules it calls (catalog, customer, payment), without delivery: what it publishes
 * for other contexts when an order is placed, accepted and cancelled. Catalog and customer data come in through
 * their public import APIs.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@TestPropertySource(
        properties = {ModuleTestSupport.EPHEMERAL_DATABASE, ModuleTestSupport.FREE_PORT, ModuleTestSupport.NO_DEMO_DATA
        })
@Import(ModuleTestSupport.class)
class OrderingModuleIntegrationTests {

    @Autowired
    OrderService orders;

    @Autowired
    CatalogImport catalog;

    @Autowired
    EventRouteService routes;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CustomerImport customers;

    private final RestaurantId restaurant = new RestaurantId(UUID.randomUUID());
    private final MenuItemId chicken = new MenuItemId(UUID.randomUUID());
    private final CustomerId customer = new CustomerId(UUID.randomUUID());

    @BeforeEach
    void restaurantAndCustomer() {
        catalog.importRestaurants(List.of(new ImportedRestaurant(
                restaurant.value(),
                "교촌치킨 종로점",
                "korean",
                "02-123-4567",
                "서울특별시 종로구 종로 1",
                10000,
                3000,
                "OPEN",
                Instant.now(),
                List.of(),
                List.of(new ImportedMenuItem(chicken.value(), "허니콤보", null, 23000, true)))));
        customers.importCustomers(List.of(new ImportedCustomer(
                customer.value(),
                "김민준",
                customer.value() + "@example.kr",
                "010-1234-5678",
                Instant.now(),
                List.of(new ImportedAddress(UUID.randomUUID(), "집", "서울특별시 마포구 월드컵로 10, 101동 1001호")))));
    }

    @Test
    void publishesTheTotalOfAPlacedOrder(Scenario scenario) {
        scenario.stimulate(tx -> orders.place(request(2, null)).order())
                .andWaitForEventOfType(OrderPlaced.class)
                .matching(event -> event.customerId().equals(customer))
                .toArriveAndVerify((event, order) -> {
                    assertThat(event.orderId()).isEqualTo(order.getId());
                    assertThat(event.restaurantId()).isEqualTo(restaurant);
                    assertThat(event.total()).isEqualTo(Krw.of(2 * 23000 + 3000));
                });
    }

    @Test
    void publishesWhereARiderPicksTheFoodUpWhenTheRestaurantAccepts(Scenario scenario) {
        Order placed = orders.place(request(1, null)).order();

        scenario.stimulate(tx -> orders.accept(placed.getId()))
                .andWaitForEventOfType(OrderAccepted.class)
                .matchingMappedValue(OrderAccepted::orderId, placed.getId())
                .toArriveAndVerify(event -> {
                    assertThat(event.pickupAddress()).isEqualTo("서울특별시 종로구 종로 1");
                    assertThat(event.dropOffAddress()).isEqualTo("서울특별시 마포구 월드컵로 10, 101동 1001호");
                });
    }

    @Test
    void tellsWhetherACancelledOrderHadBeenAccepted(Scenario scenario) {
        Order placed = orders.place(request(1, null)).order();
        orders.accept(placed.getId());

        scenario.stimulate(tx -> orders.cancel(placed.getId()))
                .andWaitForEventOfType(OrderCancelled.class)
                .matchingMappedValue(OrderCancelled::orderId, placed.getId())
                .toArriveAndVerify(event -> assertThat(event.previousStatus()).isEqualTo(OrderStatus.ACCEPTED));
    }

    @Test
    void aRepeatedRequestWithTheSameIdempotencyKeyAnswersTheFirstOrderAndPublishesNothingNew(
            AssertablePublishedEvents events) {
        IdempotencyKey key = new IdempotencyKey("주문-" + UUID.randomUUID());
        Order first = orders.place(request(1, key)).order();

        Placement again = orders.place(request(1, key));

        assertThat(again.replayed()).isTrue();
        assertThat(again.order().getId()).isEqualTo(first.getId());
        assertThat(events.ofType(OrderPlaced.class)).hasSize(1);
    }

    @Test
    void publishesNothingInProcessForAnOrderTheDeliveryServiceHandlesTheStampIsTheOnlySeam(
            AssertablePublishedEvents events) {
        Order placed = orders.place(request(1, null)).order();
        routes.switchTo(EventRoute.DELIVERY, EventRouteStage.MIGRATED);
        try {
            orders.accept(placed.getId());
            Order pending = orders.cancel(placed.getId());

            assertThat(pending.status()).isEqualTo(OrderStatus.CANCELLATION_PENDING);
        } finally {
            routes.switchTo(EventRoute.DELIVERY, EventRouteStage.LEGACY);
        }

        assertThat(events.ofType(OrderAccepted.class).matching(OrderAccepted::orderId, placed.getId()))
                .isEmpty();
        assertThat(events.ofType(OrderCancelled.class).matching(OrderCancelled::orderId, placed.getId()))
                .isEmpty();
        assertThat(jdbc.sql("select type from ordering.outbox where aggregateid = ? order by occurred_at")
                        .param(placed.getId().toString())
                        .query(String.class)
                        .list())
                .as("the delivery-service hears of it through the outbox only")
                .containsExactly("OrderAccepted", "OrderCancellationRequested");
    }

    private PlaceOrder request(int quantity, IdempotencyKey key) {
        return new PlaceOrder(customer, restaurant, null, List.of(new PlaceOrder.Item(chicken, quantity)), key);
    }
}
