package dev.banyan.monolith;

import java.util.UUID;

/** Creates restaurants, menu items and customers through the HTTP API for tests. */
public final class Fixtures {

    private final HttpTestClient http;

    public Fixtures(HttpTestClient http) {
        this.http = http;
    }

    /** An OPEN restaurant without listed hours (so it takes orders at any time), minimum order 10,000 KRW. */
    public String restaurant(String name) {
        HttpTestClient.Response response = http.post("/api/restaurants", """
                {"name":"%s","category":"korean","phone":"02-123-4567","address":"서울특별시 종로구 종로 1",
                 "minimumOrderAmount":10000,"deliveryFee":3000}""".formatted(name));
        if (response.status() != 201) {
            throw new IllegalStateException(response.body());
        }
        return response.text("id");
    }

    public String menuItem(String restaurantId, String name, long price) {
        HttpTestClient.Response response = http.post(
                "/api/restaurants/" + restaurantId + "/menu-items",
                "{\"name\":\"" + name + "\",\"price\":" + price + "}");
        if (response.status() != 201) {
            throw new IllegalStateException(response.body());
        }
        return response.text("id");
    }

    public String customer(String name) {
        HttpTestClient.Response response = http.post("/api/customers", """
                {"name":"%s","email":"%s@example.kr","phone":"010-1234-5678",
                 "addresses":[{"label":"집","address":"서울특별시 마포구 월드컵로 10, 101동 1001호"},
                              {"label":"회사","address":"서울특별시 강남구 테헤란로 100"}]}""".formatted(name, UUID.randomUUID()));
        if (response.status() != 201) {
            throw new IllegalStateException(response.body());
        }
        return response.text("id");
    }

    public static String order(String customerId, String restaurantId, String menuItemId, int quantity) {
        return """
                {"customerId":"%s","restaurantId":"%s","items":[{"menuItemId":"%s","quantity":%d}]}""".formatted(customerId, restaurantId, menuItemId, quantity);
    }
}
