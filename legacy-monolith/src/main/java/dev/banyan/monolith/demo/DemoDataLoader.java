package dev.banyan.monolith.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.banyan.monolith.catalog.CatalogImport;
import dev.banyan.monolith.catalog.CatalogImport.ImportedRestaurant;
import dev.banyan.monolith.catalog.RestaurantId;
import dev.banyan.monolith.customer.CustomerImport;
import dev.banyan.monolith.delivery.DeliveryImport;
import dev.banyan.monolith.delivery.RiderId;
import dev.banyan.monolith.demo.DemoDataSet.HistoricalOrder;
import dev.banyan.monolith.ordering.OrderId;
import dev.banyan.monolith.ordering.OrderImport;
import dev.banyan.monolith.payment.PaymentImport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Loads the demo data set on first start (when demo restaurant 0 is missing) and tops the historical orders up to
 * {@code banyan.demo.orders} when the last of them is missing, e.g. {@code --banyan.demo.orders=100000} for
 * benchmarks. Rows already present are left alone, so restarts and repeated runs change nothing.
 * Switch it off with {@code banyan.demo.enabled=false}.
 * <p>
 * It runs as an application runner, after the web server has started and before Boot reports the application ready:
 * until it has finished, {@code /actuator/health/readiness} answers 503 and the HTTP API answers 503
 * {@code not-ready} (see {@code ReadinessGate}), so nobody sees a half-loaded catalog.
 */
@Component
@ConditionalOnProperty(name = "banyan.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final int ORDER_CHUNK = 5_000;

    private final CatalogImport catalog;
    private final CustomerImport customers;
    private final OrderImport orders;
    private final PaymentImport payments;
    private final DeliveryImport deliveries;
    private final int orderCount;

    DemoDataLoader(
            CatalogImport catalog,
            CustomerImport customers,
            OrderImport orders,
            PaymentImport payments,
            DeliveryImport deliveries,
            @Value("${banyan.demo.orders:500}") int orderCount) {
        if (orderCount < 0) {
            throw new IllegalArgumentException("banyan.demo.orders must be 0 or more, was " + orderCount);
        }
        this.catalog = catalog;
        this.customers = customers;
        this.orders = orders;
        this.payments = payments;
        this.deliveries = deliveries;
        this.orderCount = orderCount;
    }

    @Override
    public void run(ApplicationArguments args) {
        load();
    }

    void load() {
        long started = System.nanoTime();
        List<ImportedRestaurant> restaurants = DemoDataSet.restaurants();
        boolean catalogPresent = catalog.restaurantExists(new RestaurantId(DemoDataSet.id("restaurant", 0)));
        boolean ordersPresent =
                orderCount == 0 || orders.orderExists(new OrderId(DemoDataSet.id("order", orderCount - 1)));
        if (catalogPresent && ordersPresent) {
            log.info("Demo data already loaded ({} historical orders requested); nothing to do", orderCount);
            return;
        }
        if (!catalogPresent) {
            int newRestaurants = catalog.importRestaurants(restaurants);
            int newCustomers = customers.importCustomers(DemoDataSet.customers());
            log.info(
                    "Demo data: {} restaurants with {} menu items, {} customers",
                    newRestaurants,
                    restaurants.stream().mapToInt(r -> r.menu().size()).sum(),
                    newCustomers);
        }
        List<UUID> riders = deliveries.riders().stream().map(RiderId::value).toList();
        if (riders.isEmpty()) {
            throw new IllegalStateException("No riders in delivery.rider; the delivery migrations did not run");
        }
        for (int from = 0; from < orderCount; from += ORDER_CHUNK) {
            int to = Math.min(orderCount, from + ORDER_CHUNK);
            List<HistoricalOrder> chunk = new ArrayList<>(to - from);
            for (int n = from; n < to; n++) {
                chunk.add(DemoDataSet.order(n, restaurants, riders));
            }
            orders.importDeliveredOrders(
                    chunk.stream().map(HistoricalOrder::order).toList());
            payments.importCapturedPayments(
                    chunk.stream().map(HistoricalOrder::payment).toList());
            deliveries.importCompletedDeliveries(
                    chunk.stream().map(HistoricalOrder::delivery).toList());
            if (orderCount > ORDER_CHUNK) {
                log.info("Demo data: historical orders {}/{}", to, orderCount);
            }
        }
        log.info(
                "Demo data: {} historical orders with payments and deliveries; loaded in {} ms",
                orderCount,
                (System.nanoTime() - started) / 1_000_000);
    }
}
