package dev.banyan.monolith.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.banyan.monolith.HttpTestClient.Response;
import dev.banyan.monolith.MonolithIntegrationTest;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogHttpIntegrationTests extends MonolithIntegrationTest {

    static final String NEW_RESTAURANT = """
            {"name":"황금올리브 치킨 성수점","category":"chicken","phone":"02-555-0101",
             "address":"서울특별시 성동구 성수이로 77","minimumOrderAmount":15000,"deliveryFee":3000,
             "openingHours":[{"day":"TUESDAY","opens":"11:00","closes":"02:00"},
                             {"day":"MONDAY","opens":"10:00","closes":"22:00"}]}""";

    @Test
    void listsCategoriesInSortOrder() {
        Response response = http().get("/api/categories");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.body())
                .startsWith("[{\"code\":\"chicken\",\"name\":\"치킨\"},{\"code\":\"pizza\",\"name\":\"피자\"}")
                .endsWith("{\"code\":\"asian\",\"name\":\"아시안\"}]");
        assertThat(response.json().size()).isEqualTo(10);
    }

    @Test
    void registersRestaurantAndServesTheExactContractShape() {
        Response created = http().post("/api/restaurants", NEW_RESTAURANT);

        assertThat(created.status()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.location()).isEqualTo("/api/restaurants/" + id);
        String expected = "{\"id\":\"ID\",\"name\":\"황금올리브 치킨 성수점\",\"category\":\"chicken\","
                + "\"phone\":\"02-555-0101\",\"address\":\"서울특별시 성동구 성수이로 77\",\"minimumOrderAmount\":15000,"
                + "\"deliveryFee\":3000,\"status\":\"OPEN\",\"openingHours\":["
                + "{\"day\":\"MONDAY\",\"opens\":\"10:00\",\"closes\":\"22:00\"},"
                + "{\"day\":\"TUESDAY\",\"opens\":\"11:00\",\"closes\":\"02:00\"}],\"menu\":[],"
                + "\"createdAt\":\"T\",\"updatedAt\":\"T\"}";
        assertThat(normalise(created.body(), id)).isEqualTo(expected);

        Response fetched = http().get("/api/restaurants/" + id);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(created.body());
    }

    @Test
    void addsMenuItemsAndListsTheMenuByNameThenId() {
        String id = http().post("/api/restaurants", NEW_RESTAURANT).text("id");

        Response soup = http().post(
                        "/api/restaurants/" + id + "/menu-items",
                        "{\"name\":\"양념치킨\",\"description\":\"달콤 매콤한 소스\",\"price\":21000}");
        Response plain = http().post(
                        "/api/restaurants/" + id + "/menu-items",
                        "{\"name\":\"후라이드치킨\",\"price\":19000,\"available\":false}");

        assertThat(soup.status()).isEqualTo(201);
        String soupId = soup.text("id");
        assertThat(soup.location()).isEqualTo("/api/restaurants/" + id + "/menu-items/" + soupId);
        assertThat(soup.body())
                .isEqualTo("{\"id\":\"" + soupId + "\",\"name\":\"양념치킨\","
                        + "\"description\":\"달콤 매콤한 소스\",\"price\":21000,\"available\":true}");
        assertThat(plain.body())
                .isEqualTo("{\"id\":\"" + plain.text("id") + "\",\"name\":\"후라이드치킨\","
                        + "\"description\":null,\"price\":19000,\"available\":false}");

        JsonNode menu = http().get("/api/restaurants/" + id).json().get("menu");
        assertThat(menu.size()).isEqualTo(2);
        assertThat(menu.get(0).get("name").asString()).isEqualTo("양념치킨");
        assertThat(menu.get(1).get("name").asString()).isEqualTo("후라이드치킨");
    }

    @Test
    void changesPriceAndAvailability() {
        String id = http().post("/api/restaurants", NEW_RESTAURANT).text("id");
        String itemId = http().post("/api/restaurants/" + id + "/menu-items", "{\"name\":\"반반치킨\",\"price\":20000}")
                .text("id");

        Response priced = http().put("/api/restaurants/" + id + "/menu-items/" + itemId, "{\"price\":22000}");
        Response unavailable = http().put("/api/restaurants/" + id + "/menu-items/" + itemId, "{\"available\":false}");

        assertThat(priced.status()).isEqualTo(200);
        assertThat(priced.json().get("price").asLong()).isEqualTo(22000);
        assertThat(priced.json().get("available").asBoolean()).isTrue();
        assertThat(unavailable.body())
                .isEqualTo("{\"id\":\"" + itemId + "\",\"name\":\"반반치킨\","
                        + "\"description\":null,\"price\":22000,\"available\":false}");
        assertThat(jdbc.sql("select version from catalog.menu_item where id = ?")
                        .param(UUID.fromString(itemId))
                        .query(Long.class)
                        .single())
                .isEqualTo(2L);
    }

    @Test
    void rejectsChangeOfAnItemThroughAnotherRestaurant() {
        String owner = http().post("/api/restaurants", NEW_RESTAURANT).text("id");
        String other = http().post("/api/restaurants", NEW_RESTAURANT).text("id");
        String itemId = http().post("/api/restaurants/" + owner + "/menu-items", "{\"name\":\"치즈볼\",\"price\":5000}")
                .text("id");

        Response response = http().put("/api/restaurants/" + other + "/menu-items/" + itemId, "{\"price\":1}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body())
                .isEqualTo("{\"type\":\"https://banyan.dev/problems/not-found\","
                        + "\"title\":\"Not found\",\"status\":404,\"detail\":\"Menu item " + itemId
                        + " not found in restaurant " + other + "\",\"instance\":\"/api/restaurants/" + other
                        + "/menu-items/" + itemId + "\"}");
    }

    @Test
    void rejectsAnEmptyChange() {
        String id = http().post("/api/restaurants", NEW_RESTAURANT).text("id");
        String itemId = http().post("/api/restaurants/" + id + "/menu-items", "{\"name\":\"콜라\",\"price\":2000}")
                .text("id");

        Response response = http().put("/api/restaurants/" + id + "/menu-items/" + itemId, "{}");

        assertInvalid(response, "body", "must contain price or available");
        assertInvalid(
                http().put("/api/restaurants/" + id + "/menu-items/" + itemId, "{\"price\":-5}"),
                "price",
                "must be greater than or equal to 0");
        assertInvalid(
                http().put("/api/restaurants/" + id + "/menu-items/" + itemId, "{\"available\":\"yes\"}"),
                "available",
                "must be a boolean");
        assertInvalid(
                http().put("/api/restaurants/" + id + "/menu-items/not-a-uuid", "{\"price\":1}"),
                "itemId",
                "must be a UUID");
    }

    @Test
    void pagesRestaurantsOrderedByNameThenId() {
        for (String name : List.of("다 피자", "가 피자", "나 피자")) {
            http().post(
                            "/api/restaurants",
                            NEW_RESTAURANT.replace("황금올리브 치킨 성수점", name).replace("\"chicken\"", "\"pizza\""));
        }

        JsonNode all =
                http().get("/api/restaurants?category=pizza&page=0&size=100").json();
        long total = all.get("totalElements").asLong();
        assertThat(total).isGreaterThanOrEqualTo(3);
        List<String> names = new ArrayList<>();
        all.get("content").forEach(summary -> {
            names.add(summary.get("name").asString());
            assertThat(summary.get("category").asString()).isEqualTo("pizza");
        });
        assertThat(names).isSorted();

        JsonNode page =
                http().get("/api/restaurants?category=pizza&page=1&size=2").json();
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertThat(page.get("totalPages").asLong()).isEqualTo((total + 1) / 2);
        assertThat(page.get("content").get(0).get("name").asString()).isEqualTo(names.get(2));
        assertThat(all.get("content").get(0).toString())
                .startsWith("{\"id\":")
                .contains("\"name\":\"가 피자\",\"category\":\"pizza\",\"phone\":\"02-555-0101\","
                        + "\"address\":\"서울특별시 성동구 성수이로 77\",\"minimumOrderAmount\":15000,"
                        + "\"deliveryFee\":3000,\"status\":\"OPEN\"}");
    }

    @Test
    void returnsEmptyPagesPastTheEndAndForUnknownCategories() {
        Response pastEnd = http().get("/api/restaurants?page=100000&size=100");
        Response unknown = http().get("/api/restaurants?category=no-such-category");

        assertThat(pastEnd.status()).isEqualTo(200);
        assertThat(pastEnd.json().get("content").size()).isZero();
        assertThat(unknown.body())
                .isEqualTo("{\"content\":[],\"page\":0,\"size\":20,\"totalElements\":0,\"totalPages\":0}");
    }

    @Test
    void rejectsBadPagingParametersNamingThem() {
        Response response = http().get("/api/restaurants?size=101");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.body())
                .isEqualTo("{\"type\":\"https://banyan.dev/problems/invalid-input\","
                        + "\"title\":\"Invalid input\",\"status\":400,\"detail\":\"size must be between 1 and 100\","
                        + "\"instance\":\"/api/restaurants\",\"errors\":[{\"field\":\"size\","
                        + "\"message\":\"must be between 1 and 100\"}]}");
        assertInvalid(http().get("/api/restaurants?size=0"), "size", "must be between 1 and 100");
        assertInvalid(http().get("/api/restaurants?page=-1"), "page", "must be greater than or equal to 0");
        assertInvalid(http().get("/api/restaurants?page=abc"), "page", "must be an integer");
        assertInvalid(http().get("/api/restaurants?size=x"), "size", "must be an integer");
    }

    @Test
    void answersUnknownAndMalformedIds() {
        String unknown = UUID.randomUUID().toString();

        Response missing = http().get("/api/restaurants/" + unknown);
        Response malformed = http().get("/api/restaurants/12345");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("detail").asString()).isEqualTo("Restaurant " + unknown + " not found");
        assertThat(missing.json().get("type").asString()).isEqualTo("https://banyan.dev/problems/not-found");
        assertInvalid(malformed, "id", "must be a UUID");
        assertThat(http().post("/api/restaurants/" + unknown + "/menu-items", "{\"name\":\"x\",\"price\":1}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void rejectsInvalidRestaurantsNamingEveryField() {
        Response response = http().post("/api/restaurants", """
                {"name":"  ","category":"sushi-bar","address":"서울","minimumOrderAmount":-1,"deliveryFee":"3000",
                 "openingHours":[{"day":"FUNDAY","opens":"25:00","closes":"10:00"},{"day":"MONDAY"},
                                 {"day":"MONDAY","opens":"09:00","closes":"10:00"}]}""");

        assertThat(response.status()).isEqualTo(400);
        List<String> errors = new ArrayList<>();
        response.json()
                .get("errors")
                .forEach(error -> errors.add(error.get("field").asString() + " "
                        + error.get("message").asString()));
        assertThat(errors)
                .containsExactly(
                        "name must not be blank",
                        "minimumOrderAmount must be greater than or equal to 0",
                        "deliveryFee must be an integer",
                        "openingHours[0].day must be one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY",
                        "openingHours[0].opens must be a time in HH:mm format",
                        "openingHours[1].opens must not be blank",
                        "openingHours[1].closes must not be blank",
                        "openingHours[2].day duplicates MONDAY",
                        "category unknown category 'sushi-bar'");
        assertThat(response.json().get("detail").asString()).startsWith("name must not be blank; ");
    }

    @Test
    void rejectsMissingFieldsAndWrongTypes() {
        assertInvalid(http().post("/api/restaurants", "{}"), "name", "must not be blank");
        assertInvalid(
                http().post("/api/restaurants", NEW_RESTAURANT.replace("\"openingHours\":[", "\"openingHours\":[7,")),
                "openingHours[0]",
                "must be an object");
        assertInvalid(
                http().post("/api/restaurants", NEW_RESTAURANT.replace("15000", "15000.5")),
                "minimumOrderAmount",
                "must be an integer");
        assertInvalid(
                http().post("/api/restaurants", NEW_RESTAURANT.replace("\"02-555-0101\"", "12")),
                "phone",
                "must be a string");
        assertInvalid(http().post("/api/restaurants", "[1,2]"), "body", "must be a JSON object");
        assertInvalid(
                http().post("/api/restaurants/" + UUID.randomUUID() + "/menu-items", "{\"name\":\"x\"}"),
                "price",
                "must not be null");
    }

    @Test
    void rejectsMalformedJsonNamingTheProblem() {
        Response response = http().post("/api/restaurants", "{\"name\": \"치킨\",");

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("body");
        assertThat(error.get("message").asString())
                .startsWith("is not valid JSON: ")
                .contains("line 1");
        assertInvalid(http().postEmpty("/api/restaurants"), "body", "must not be empty");
    }

    @Test
    void rejectsUnsupportedMediaTypes() {
        Response response = http().send("POST", "/api/restaurants", "text/plain", "hello");

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
    }

    static void assertInvalid(Response response, String field, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isEqualTo("https://banyan.dev/problems/invalid-input");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo(message);
    }

    static String normalise(String json, String id) {
        return json.replace(id, "ID").replaceAll("\"(createdAt|updatedAt)\":\"[^\"]+\"", "\"$1\":\"T\"");
    }
}
