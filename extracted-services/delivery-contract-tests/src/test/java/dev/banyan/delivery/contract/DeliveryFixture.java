package dev.banyan.delivery.contract;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;

/**
 * How one side gets an accepted order whose delivery exists: the only part of the suite that differs between the
 * monolith and the delivery-service. Both realise the same {@link Order}, so their deliveries hold the same
 * restaurant and addresses.
 */
interface DeliveryFixture {

    /** The order to deliver: the restaurant that cooks it and the two addresses a delivery copies. */
    record Order(UUID restaurantId, String pickupAddress, String dropOffAddress) {}

    /** An accepted order with its delivery ASSIGNED; returns the order id once the delivery can be read. */
    UUID acceptedOrder();

    /** Waits until {@code GET /api/deliveries/{orderId}} answers 200 on {@code baseUrl}. */
    static void awaitDelivery(String baseUrl, UUID orderId) {
        Awaitility.await("the delivery of order " + orderId + " at " + baseUrl)
                .atMost(Duration.ofSeconds(30))
                .until(() -> Http.send("GET", baseUrl + "/api/deliveries/" + orderId, null)
                                .statusCode()
                        == 200);
    }
}
