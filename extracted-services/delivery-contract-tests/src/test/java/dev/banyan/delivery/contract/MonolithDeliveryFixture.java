package dev.banyan.delivery.contract;

import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * The monolith's way: a restaurant open around the clock with one dish and a customer are registered once over HTTP;
 * each order is placed and accepted over HTTP, and the monolith's in-process delivery module assigns its rider.
 */
final class MonolithDeliveryFixture implements DeliveryFixture {

    static final String PICKUP_ADDRESS = "서울특별시 강남구 테헤란로 152, 1층";
    static final String DROP_OFF_ADDRESS = "서울특별시 마포구 월드컵북로 396, 1203호";

    private final String baseUrl;
    private final Order order;
    private final UUID customerId;
    private final UUID menuItemId;

    MonolithDeliveryFixture(String baseUrl) {
        this.baseUrl = baseUrl;
        StringBuilder aroundTheClock = new StringBuilder();
        for (String day : new String[] {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"}) {
            aroundTheClock
                    .append(aroundTheClock.isEmpty() ? "" : ",")
                    .append("{\"day\":\"")
                    .append(day)
                    .append("\",\"opens\":\"00:00\",\"closes\":\"00:00\"}");
        }
        JsonNode restaurant =
                Http.expect(201, "POST", baseUrl + "/api/restaurants", """
                {"name":"교촌치킨 강남점","category":"chicken","phone":"02-555-1234","address":"%s",
                 "minimumOrderAmount":0,"deliveryFee":3000,"openingHours":[%s]}""".formatted(PICKUP_ADDRESS, aroundTheClock));
        UUID restaurantId = UUID.fromString(restaurant.get("id").stringValue());
        JsonNode item = Http.expect(201, "POST", baseUrl + "/api/restaurants/" + restaurantId + "/menu-items", """
                {"name":"후라이드치킨","price":18000}""");
        menuItemId = UUID.fromString(item.get("id").stringValue());
        JsonNode customer = Http.expect(201, "POST", baseUrl + "/api/customers", """
                {"name":"김민준","email":"minjun@example.com","phone":"010-1234-5678",
                 "addresses":[{"label":"집","address":"%s"}]}""".formatted(DROP_OFF_ADDRESS));
        customerId = UUID.fromString(customer.get("id").stringValue());
        order = new Order(restaurantId, PICKUP_ADDRESS, DROP_OFF_ADDRESS);
    }

    /** The order every delivery of this side is for, to be realised the same way on the service's side. */
    Order order() {
        return order;
    }

    @Override
    public UUID acceptedOrder() {
        JsonNode placed = Http.expect(
                201, "POST", baseUrl + "/api/orders", """
                {"customerId":"%s","restaurantId":"%s","items":[{"menuItemId":"%s","quantity":1}]}""".formatted(customerId, order.restaurantId(), menuItemId));
        UUID orderId = UUID.fromString(placed.get("id").stringValue());
        Http.expect(200, "POST", baseUrl + "/api/orders/" + orderId + "/accept", null);
        DeliveryFixture.awaitDelivery(baseUrl, orderId);
        return orderId;
    }
}
