package dev.banyan.catalog.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.banyan.catalog.contract.Scenario.get;
import static dev.banyan.catalog.contract.Scenario.post;
import static dev.banyan.catalog.contract.Scenario.put;
import static dev.banyan.catalog.contract.Scenario.send;

/**
 * The ONE list of HTTP scenarios of the catalog contract, played in this order against the monolith and against
 * the catalog-service, each holding {@link CatalogFixture}. Reads, writes, every kind of bad input, Korean text
 * and the paging edges (last page, size 0, past the end, out of range).
 */
final class CatalogScenarios {

    static final String UNKNOWN_ID = "5b0f1a8e-0000-4000-8000-00000000dead";

    private CatalogScenarios() {}

    static List<Scenario> all() {
        List<Scenario> all = new ArrayList<>(reads());
        all.addAll(badInput());
        all.addAll(writes());
        return List.copyOf(all);
    }

    /** Reads of the fixture only; they leave the data as it is. */
    static List<Scenario> reads() {
        String kyochon = id("교촌치킨 강남점");
        return List.of(
                get("categories in sort order", "/api/categories", 200),
                get("first page with default size", "/api/restaurants", 200),
                get("second and last page with default size", "/api/restaurants?page=1", 200),
                get("category filter, first page", "/api/restaurants?category=chicken&size=5", 200),
                get("category filter, middle page", "/api/restaurants?category=chicken&page=1&size=5", 200),
                get(
                        "category filter, last page (partly filled)",
                        "/api/restaurants?category=chicken&page=2&size=5",
                        200),
                get("category filter, first page past the end", "/api/restaurants?category=chicken&page=3&size=5", 200),
                get("page far out of range", "/api/restaurants?page=999999999&size=100", 200),
                get("smallest page size", "/api/restaurants?category=pizza&size=1", 200),
                get("largest page size", "/api/restaurants?size=100", 200),
                get("size exactly the total", "/api/restaurants?category=bunsik&size=4", 200),
                get("padded page number", "/api/restaurants?page=%201&size=%205", 200),
                get("unknown category is an empty page", "/api/restaurants?category=sushi", 200),
                get("category without restaurants", "/api/restaurants?category=japanese", 200),
                get("category by its Korean name matches nothing", "/api/restaurants?category=%EC%B9%98%ED%82%A8", 200),
                get("blank category lists everything", "/api/restaurants?category=&size=3", 200),
                get("detail with menu items of equal names", "/api/restaurants/" + kyochon, 200),
                get(
                        "detail with hours past midnight",
                        "/api/restaurants/" + CatalogFixture.RESTAURANTS.get(1).id(),
                        200),
                get(
                        "detail open around the clock",
                        "/api/restaurants/" + CatalogFixture.RESTAURANTS.get(2).id(),
                        200),
                get("detail without phone", "/api/restaurants/" + id("bhc 선릉점"), 200),
                get("detail without hours", "/api/restaurants/" + id("BHC 삼성점"), 200),
                get("detail of a closed restaurant", "/api/restaurants/" + id("굽네치킨"), 200),
                get("detail by upper-case id", "/api/restaurants/" + kyochon.toUpperCase(), 200),
                get("unknown id", "/api/restaurants/" + UNKNOWN_ID, 404),
                get("malformed id", "/api/restaurants/not-a-uuid", 400),
                get("id with trailing characters", "/api/restaurants/" + kyochon + "0", 400));
    }

    /** Bad input of every kind; none of it changes data. */
    static List<Scenario> badInput() {
        String kyochon = id("교촌치킨 강남점");
        String kyochonItem =
                CatalogFixture.restaurant("교촌치킨 강남점").menu().get(0).id().toString();
        String other = id("BBQ 치킨 역삼점");
        return List.of(
                get("size 0", "/api/restaurants?size=0", 400),
                get("size above 100", "/api/restaurants?size=101", 400),
                get("negative page", "/api/restaurants?page=-1", 400),
                get("page not a number", "/api/restaurants?page=abc", 400),
                get("size not an integer", "/api/restaurants?size=1.5", 400),
                get("empty page parameter", "/api/restaurants?page=", 400),
                get("page and size both wrong", "/api/restaurants?page=x&size=0", 400),
                get("page number too large for an int", "/api/restaurants?page=99999999999", 400),
                post("restaurant: empty object names every required field", "/api/restaurants", "{}", 400),
                post("restaurant: blank name and unknown category", "/api/restaurants", """
                        {"name":"   ","category":"sushi","address":"서울 중구","minimumOrderAmount":0,"deliveryFee":0}""", 400),
                post("restaurant: negative and non-integer amounts", "/api/restaurants", """
                        {"name":"새 가게","category":"korean","address":"서울","minimumOrderAmount":-1,"deliveryFee":1.5}""", 400),
                post("restaurant: amount as a string, name as a number", "/api/restaurants", """
                        {"name":7,"category":"korean","address":"서울","minimumOrderAmount":"15000","deliveryFee":0}""", 400),
                post("restaurant: bad days and times", "/api/restaurants", """
                        {"name":"새 가게","category":"korean","address":"서울","minimumOrderAmount":0,"deliveryFee":0,
                         "openingHours":[{"day":"FUNDAY","opens":"9:00","closes":"24:00"},
                                         {"day":"MONDAY","opens":"10:00","closes":"22:00"},
                                         {"day":"MONDAY","opens":"10:00:00","closes":"22:00"},
                                         {"day":"monday"},
                                         "not an object"]}""", 400),
                post("restaurant: opening hours not an array", "/api/restaurants", """
                        {"name":"새 가게","category":"korean","address":"서울","minimumOrderAmount":0,"deliveryFee":0,
                         "openingHours":{"day":"MONDAY"}}""", 400),
                post("restaurant: body is an array", "/api/restaurants", "[{\"name\":\"x\"}]", 400),
                post("restaurant: body is a string", "/api/restaurants", "\"교촌\"", 400),
                post("restaurant: malformed JSON", "/api/restaurants", "{\"name\": \"교촌\", ", 400),
                post("restaurant: JSON with a stray token", "/api/restaurants", "{\"name\" \"교촌\"}", 400),
                post("restaurant: empty body", "/api/restaurants", "", 400),
                send("restaurant: wrong content type", "POST", "/api/restaurants", "text/plain", "name=교촌", 415),
                post(
                        "menu item: unknown restaurant",
                        "/api/restaurants/" + UNKNOWN_ID + "/menu-items",
                        "{\"name\":\"후라이드\",\"price\":18000}",
                        404),
                post(
                        "menu item: malformed restaurant id",
                        "/api/restaurants/xyz/menu-items",
                        "{\"name\":\"후라이드\",\"price\":18000}",
                        400),
                post(
                        "menu item: blank name, missing price",
                        "/api/restaurants/" + kyochon + "/menu-items",
                        "{\"name\":\"\",\"description\":3,\"available\":\"yes\"}",
                        400),
                post(
                        "menu item: negative price",
                        "/api/restaurants/" + kyochon + "/menu-items",
                        "{\"name\":\"후라이드\",\"price\":-100}",
                        400),
                put("change item: no fields", "/api/restaurants/" + kyochon + "/menu-items/" + kyochonItem, "{}", 400),
                put(
                        "change item: nulls only",
                        "/api/restaurants/" + kyochon + "/menu-items/" + kyochonItem,
                        "{\"price\":null,\"available\":null}",
                        400),
                put(
                        "change item: wrong types",
                        "/api/restaurants/" + kyochon + "/menu-items/" + kyochonItem,
                        "{\"price\":\"free\",\"available\":1}",
                        400),
                put(
                        "change item: negative price",
                        "/api/restaurants/" + kyochon + "/menu-items/" + kyochonItem,
                        "{\"price\":-1}",
                        400),
                put("change item: both path ids malformed", "/api/restaurants/a/menu-items/b", "{\"price\":1}", 400),
                put(
                        "change item: item of another restaurant",
                        "/api/restaurants/" + other + "/menu-items/" + kyochonItem,
                        "{\"price\":1}",
                        404),
                put(
                        "change item: unknown item",
                        "/api/restaurants/" + kyochon + "/menu-items/" + UNKNOWN_ID,
                        "{\"price\":1}",
                        404),
                put(
                        "change item: unknown restaurant",
                        "/api/restaurants/" + UNKNOWN_ID + "/menu-items/" + kyochonItem,
                        "{\"price\":1}",
                        404),
                get("no such endpoint", "/api/restaurant", 404),
                get("detail unchanged after bad input", "/api/restaurants/" + kyochon, 200));
    }

    /** Creates and changes data; later scenarios refer to what earlier ones created by alias. */
    static List<Scenario> writes() {
        String kyochon = id("교촌치킨 강남점");
        String kyochonItem =
                CatalogFixture.restaurant("교촌치킨 강남점").menu().get(1).id().toString();
        return List.of(
                post("register a restaurant with Korean text and hours", "/api/restaurants", """
                        {"name":"할매순대국 본점","category":"korean","phone":"02-777-8282",
                         "address":"서울특별시 종로구 종로 1가 (지하 1층)","minimumOrderAmount":12000,"deliveryFee":2500,
                         "openingHours":[{"day":"SATURDAY","opens":"18:00","closes":"03:00"},
                                         {"day":"MONDAY","opens":"09:30","closes":"21:00"},
                                         {"day":"SUNDAY","opens":"00:00","closes":"00:00"}]}""", 201)
                        .capturingIdAs("new-restaurant"),
                get("read the registered restaurant", "/api/restaurants/{new-restaurant}", 200),
                post("register a minimal restaurant", "/api/restaurants", """
                        {"name":"Zebra Burger","category":"fastfood","address":"부산 해운대구",
                         "minimumOrderAmount":0,"deliveryFee":0,"phone":null,"openingHours":[]}""", 201)
                        .capturingIdAs("new-minimal"),
                post(
                                "add a menu item (available by default)",
                                "/api/restaurants/{new-restaurant}/menu-items",
                                "{\"name\":\"순대국밥\",\"description\":\"얼큰한 맛 🌶️\",\"price\":9000}",
                                201)
                        .capturingIdAs("new-item"),
                post(
                                "add an unavailable menu item",
                                "/api/restaurants/{new-restaurant}/menu-items",
                                "{\"name\":\"모둠순대\",\"price\":15000,\"available\":false}",
                                201)
                        .capturingIdAs("new-item-2"),
                post(
                                "add a menu item without description to a fixture restaurant",
                                "/api/restaurants/" + kyochon + "/menu-items",
                                "{\"name\":\"Coke Zero\",\"price\":0,\"available\":true}",
                                201)
                        .capturingIdAs("new-item-3"),
                put(
                        "change a price",
                        "/api/restaurants/{new-restaurant}/menu-items/{new-item}",
                        "{\"price\":9500}",
                        200),
                put(
                        "mark unavailable",
                        "/api/restaurants/{new-restaurant}/menu-items/{new-item}",
                        "{\"available\":false}",
                        200),
                put(
                        "change price and availability",
                        "/api/restaurants/{new-restaurant}/menu-items/{new-item-2}",
                        "{\"price\":14000,\"available\":true}",
                        200),
                put(
                        "change a fixture item",
                        "/api/restaurants/" + kyochon + "/menu-items/" + kyochonItem,
                        "{\"price\":25000}",
                        200),
                put(
                        "created item through another restaurant",
                        "/api/restaurants/" + kyochon + "/menu-items/{new-item}",
                        "{\"price\":1}",
                        404),
                get("registered restaurant with its menu", "/api/restaurants/{new-restaurant}", 200),
                get("minimal restaurant", "/api/restaurants/{new-minimal}", 200),
                get("fixture restaurant after changes", "/api/restaurants/" + kyochon, 200),
                get("category list includes the new restaurant", "/api/restaurants?category=korean&size=20", 200),
                get("totals include the new restaurants", "/api/restaurants?page=1&size=20", 200));
    }

    private static String id(String name) {
        UUID id = CatalogFixture.restaurant(name).id();
        return id.toString();
    }
}
