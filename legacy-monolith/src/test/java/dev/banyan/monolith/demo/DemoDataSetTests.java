package dev.banyan.monolith.demo;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.banyan.monolith.catalog.CatalogImport.ImportedRestaurant;
import dev.banyan.monolith.customer.CustomerImport.ImportedCustomer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataSetTests {

    static final List<UUID> RIDERS = IntStream.range(0, 40)
            .mapToObj(n -> UUID.nameUUIDFromBytes(new byte[] {(byte) n}))
            .toList();

    @Test
    void hasEnoughRestaurantsMenuItemsAndCustomersWithKoreanNames() {
        List<ImportedRestaurant> restaurants = DemoDataSet.restaurants();
        List<ImportedCustomer> customers = DemoDataSet.customers();

        assertThat(restaurants).hasSizeGreaterThanOrEqualTo(200);
        assertThat(restaurants.stream().mapToInt(r -> r.menu().size()).sum()).isGreaterThanOrEqualTo(3000);
        assertThat(restaurants.stream().map(ImportedRestaurant::categoryCode).distinct())
                .hasSize(10);
        assertThat(restaurants).allSatisfy(r -> assertThat(r.name()).matches(".*[가-힣]+.*점"));
        assertThat(customers).hasSizeGreaterThanOrEqualTo(1000);
        assertThat(customers.stream().map(ImportedCustomer::email).distinct()).hasSize(customers.size());
        Set<UUID> ids = new HashSet<>();
        restaurants.forEach(r -> {
            ids.add(r.id());
            r.menu().forEach(item -> ids.add(item.id()));
        });
        assertThat(ids)
                .hasSize(restaurants.size()
                        + restaurants.stream().mapToInt(r -> r.menu().size()).sum());
    }

    @Test
    void isDeterministicWithNameBasedIds() {
        assertThat(DemoDataSet.restaurants()).isEqualTo(DemoDataSet.restaurants());
        assertThat(DemoDataSet.customers()).isEqualTo(DemoDataSet.customers());
        assertThat(DemoDataSet.restaurants().get(0).id())
                .isEqualTo(UUID.nameUUIDFromBytes(
                        "banyan-demo:restaurant:0".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(DemoDataSet.restaurants().get(0).id().version()).isEqualTo(3);
        List<ImportedRestaurant> restaurants = DemoDataSet.restaurants();
        assertThat(DemoDataSet.order(4321, restaurants, RIDERS))
                .isEqualTo(DemoDataSet.order(4321, restaurants, RIDERS));
    }

    @Test
    void historicalOrdersRespectTheMenuAndTheMinimumOrder() {
        List<ImportedRestaurant> restaurants = DemoDataSet.restaurants();
        Map<UUID, ImportedRestaurant> byId = new HashMap<>();
        restaurants.forEach(r -> byId.put(r.id(), r));

        for (int n = 0; n < 2000; n++) {
            DemoDataSet.HistoricalOrder historical = DemoDataSet.order(n, restaurants, RIDERS);
            ImportedRestaurant restaurant = byId.get(historical.order().restaurantId());
            assertThat(restaurant.status()).isEqualTo("OPEN");
            assertThat(historical.order().subtotal()).isGreaterThanOrEqualTo(restaurant.minimumOrderAmount());
            assertThat(historical.payment().amount())
                    .isEqualTo(historical.order().total());
            assertThat(historical.order().placedAt())
                    .isBefore(historical.order().acceptedAt());
            assertThat(historical.order().pickedUpAt())
                    .isBefore(historical.order().deliveredAt());
            historical.order().lines().forEach(line -> {
                assertThat(restaurant.menu())
                        .anyMatch(item -> item.id().equals(line.menuItemId()) && item.price() == line.unitPrice());
                assertThat(line.quantity()).isBetween(1, 99);
            });
        }
    }
}
