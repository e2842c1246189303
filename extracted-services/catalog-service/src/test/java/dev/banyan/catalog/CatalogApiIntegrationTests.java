package dev.banyan.catalog;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog HTTP contract against the real application on a real (embedded, throw-away) PostgreSQL:
 * reads, writes, paging edges, every kind of bad input, Korean text and the operational endpoints.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"banyan.embedded-db.ephemeral=true", "banyan.embedded-db.port=0"})
class CatalogApiIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void categoriesOnly() {
        jdbc.sql("truncate menu_item, opening_hours, restaurant, category").update();
        jdbc.sql("insert into category (code, name, sort_order) values ('pizza', '피자', 2), ('chicken', '치킨', 1),"
                        + " ('korean', '한식', 3)")
                .update();
    }

    @Test
    void emptyCatalogServesValidEmptyResponses() {
        jdbc.sql("truncate category cascade").update();
        assertThat(get("/api/categories").json()).isEmpty();
        Response page = get("/api/restaurants");
        assertThat(page.status).isEqualTo(200);
        assertThat(page.json().toString())
                .isEqualTo("{\"content\":[],\"page\":0,\"size\":20,\"totalElements\":0,\"totalPages\":0}");
    }

    @Test
    void listsCategoriesBySortOrderWithKoreanNames() {
        Response response = get("/api/categories");
        assertThat(response.status).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().toString())
                .isEqualTo("[{\"code\":\"chicken\",\"name\":\"치킨\"},{\"code\":\"pizza\",\"name\":\"피자\"},"
                        + "{\"code\":\"korean\",\"name\":\"한식\"}]");
    }

    @Test
    void registersARestaurantAndServesItsDetailWithKoreanTextUnchanged() {
        Response created = post("/api/restaurants", """
                {"name":"교촌치킨 강남점","category":"chicken","phone":"02-555-1234","address":"서울 강남구 테헤란로 1",
                 "minimumOrderAmount":15000,"deliveryFee":3000,
                 "openingHours":[{"day":"SUNDAY","opens":"12:00","closes":"23:00"},
                                 {"day":"MONDAY","opens":"17:00","closes":"02:00"}]}""");
        assertThat(created.status).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.get("id").stringValue();
        assertThat(UUID.fromString(id).version()).isEqualTo(4);
        assertThat(created.header("Location")).isEqualTo("/api/restaurants/" + id);
        assertThat(body.get("name").stringValue()).isEqualTo("교촌치킨 강남점");
        assertThat(body.get("status").stringValue()).isEqualTo("OPEN");
        assertThat(body.get("openingHours").toString())
                .isEqualTo("[{\"day\":\"MONDAY\",\"opens\":\"17:00\",\"closes\":\"02:00\"},"
                        + "{\"day\":\"SUNDAY\",\"opens\":\"12:00\",\"closes\":\"23:00\"}]");
        assertThat(body.get("menu")).isEmpty();

        JsonNode read = get("/api/restaurants/" + id).json();
        assertThat(read).isEqualTo(body);
        assertThat(read.get("address").stringValue()).isEqualTo("서울 강남구 테헤란로 1");
        assertThat(read.get("createdAt").stringValue()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(read.propertyNames())
                .containsExactly(
                        "id",
                        "name",
                        "category",
                        "phone",
                        "address",
                        "minimumOrderAmount",
                        "deliveryFee",
                        "status",
                        "openingHours",
                        "menu",
                        "createdAt",
                        "updatedAt");
        assertThat(jdbc.sql("select phone_number from restaurant where id = ?")
                        .param(UUID.fromString(id))
                        .query(String.class)
                        .single())
                .isEqualTo("02-555-1234");
    }

    @Test
    void addsAndChangesMenuItemsOrderedByName() {
        String id = register("BHC 역삼점", "chicken");
        Response added = post(
                "/api/restaurants/" + id + "/menu-items",
                "{\"name\":\"후라이드\",\"description\":\"바삭한 후라이드 치킨\",\"price\":18000}");
        assertThat(added.status).isEqualTo(201);
        String itemId = added.json().get("id").stringValue();
        assertThat(added.header("Location")).isEqualTo("/api/restaurants/" + id + "/menu-items/" + itemId);
        assertThat(added.json().toString())
                .isEqualTo("{\"id\":\"" + itemId
                        + "\",\"name\":\"후라이드\",\"description\":\"바삭한 후라이드 치킨\",\"price\":18000,\"available\":true}");
        post("/api/restaurants/" + id + "/menu-items", "{\"name\":\"양념치킨\",\"price\":19000,\"available\":false}");

        Response changed = put("/api/restaurants/" + id + "/menu-items/" + itemId, "{\"price\":17500}");
        assertThat(changed.status).isEqualTo(200);
        assertThat(changed.json().get("price").longValue()).isEqualTo(17500);
        assertThat(changed.json().get("available").booleanValue()).isTrue();
        assertThat(put("/api/restaurants/" + id + "/menu-items/" + itemId, "{\"available\":false}")
                        .json()
                        .get("available")
                        .booleanValue())
                .isFalse();

        JsonNode menu = get("/api/restaurants/" + id).json().get("menu");
        assertThat(menu).hasSize(2);
        assertThat(menu.get(0).get("name").stringValue()).isEqualTo("양념치킨");
        assertThat(menu.get(0).get("description").isNull()).isTrue();
        assertThat(menu.get(1).get("price").longValue()).isEqualTo(17500);
        assertThat(jdbc.sql("select price_krw, version from menu_item where id = ?")
                        .param(UUID.fromString(itemId))
                        .query((rs, row) -> rs.getLong(1) + "/" + rs.getLong(2))
                        .single())
                .isEqualTo("17500/2");
    }

    @Test
    void pagesRestaurantsByNameThenIdWithLastPageAndPastTheEnd() {
        List<String> names = List.of("치킨 마루", "가나 치킨", "나나 치킨", "다다 치킨", "라라 치킨");
        names.forEach(name -> register(name, "chicken"));
        register("도미노피자", "pizza");

        JsonNode first = get("/api/restaurants?category=chicken&page=0&size=2").json();
        assertThat(first.get("totalElements").longValue()).isEqualTo(5);
        assertThat(first.get("totalPages").intValue()).isEqualTo(3);
        assertThat(names(first)).containsExactly("가나 치킨", "나나 치킨");

        JsonNode last = get("/api/restaurants?category=chicken&page=2&size=2").json();
        assertThat(names(last)).containsExactly("치킨 마루");
        assertThat(last.get("page").intValue()).isEqualTo(2);

        JsonNode past = get("/api/restaurants?category=chicken&page=7&size=2").json();
        assertThat(past.toString())
                .isEqualTo("{\"content\":[],\"page\":7,\"size\":2,\"totalElements\":5,\"totalPages\":3}");

        assertThat(get("/api/restaurants").json().get("totalElements").longValue())
                .isEqualTo(6);
        assertThat(get("/api/restaurants?category=sushi").json().toString())
                .isEqualTo("{\"content\":[],\"page\":0,\"size\":20,\"totalElements\":0,\"totalPages\":0}");
        JsonNode summary =
                get("/api/restaurants?category=pizza").json().get("content").get(0);
        assertThat(summary.propertyNames())
                .containsExactly(
                        "id", "name", "category", "phone", "address", "minimumOrderAmount", "deliveryFee", "status");
    }

    @Test
    void ordersRestaurantsWithTheSameNameById() {
        String a = register("김밥천국", "korean");
        String b = register("김밥천국", "korean");
        List<String> ids = new ArrayList<>();
        get("/api/restaurants?category=korean")
                .json()
                .get("content")
                .forEach(r -> ids.add(r.get("id").stringValue()));
        assertThat(ids)
                .containsExactlyElementsOf(List.of(a, b).stream().sorted().toList());
    }

    @Test
    void rejectsPagingOutOfRangeNamingTheParameter() {
        assertProblem(get("/api/restaurants?size=0"), 400, "invalid-input", "size must be between 1 and 100");
        assertProblem(get("/api/restaurants?size=101"), 400, "invalid-input", "size must be between 1 and 100");
        assertProblem(get("/api/restaurants?page=-1"), 400, "invalid-input", "page must be greater than or equal to 0");
        Response notANumber = get("/api/restaurants?page=abc&size=0");
        assertProblem(notANumber, 400, "invalid-input", "page must be an integer; size must be between 1 and 100");
        assertThat(notANumber.json().get("errors").toString())
                .isEqualTo("[{\"field\":\"page\",\"message\":\"must be an integer\"},"
                        + "{\"field\":\"size\",\"message\":\"must be between 1 and 100\"}]");
        assertThat(notANumber.json().get("instance").stringValue()).isEqualTo("/api/restaurants");
        assertProblem(get("/api/restaurants?size=ten"), 400, "invalid-input", "size must be an integer");
    }

    @Test
    void answersUnknownAndMalformedIds() {
        String unknown = UUID.randomUUID().toString();
        Response missing = get("/api/restaurants/" + unknown);
        assertProblem(missing, 404, "not-found", "Restaurant " + unknown + " not found");
        assertThat(missing.json().has("errors")).isFalse();
        assertProblem(get("/api/restaurants/not-a-uuid"), 400, "invalid-input", "id must be a UUID");
        assertProblem(
                post("/api/restaurants/" + unknown + "/menu-items", "{\"name\":\"x\",\"price\":1}"),
                404,
                "not-found",
                "Restaurant " + unknown + " not found");
    }

    @Test
    void rejectsAMenuItemOfAnotherRestaurant() {
        String mine = register("하나", "korean");
        String other = register("둘", "korean");
        String item = post("/api/restaurants/" + other + "/menu-items", "{\"name\":\"비빔밥\",\"price\":9000}")
                .json()
                .get("id")
                .stringValue();
        assertProblem(
                put("/api/restaurants/" + mine + "/menu-items/" + item, "{\"price\":1}"),
                404,
                "not-found",
                "Menu item " + item + " not found in restaurant " + mine);
        assertThat(get("/api/restaurants/" + other)
                        .json()
                        .get("menu")
                        .get(0)
                        .get("price")
                        .longValue())
                .isEqualTo(9000);
    }

    @Test
    void rejectsAnInvalidRestaurantNamingEveryField() {
        Response response = post("/api/restaurants", """
                {"name":"  ","category":"sushi","address":"서울","minimumOrderAmount":-1,"deliveryFee":"3000",
                 "openingHours":[{"day":"FUNDAY","opens":"25:00","closes":"22:00"},
                                 {"day":"MONDAY","opens":"10:00","closes":"22:00"},
                                 {"day":"MONDAY","opens":"10:00","closes":"10:00"}]}""");
        assertThat(response.status).isEqualTo(400);
        assertThat(response.json().get("errors").toString())
                .isEqualTo("[{\"field\":\"name\",\"message\":\"must not be blank\"},"
                        + "{\"field\":\"minimumOrderAmount\",\"message\":\"must be greater than or equal to 0\"},"
                        + "{\"field\":\"deliveryFee\",\"message\":\"must be an integer\"},"
                        + "{\"field\":\"openingHours[0].day\",\"message\":\"must be one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY\"},"
                        + "{\"field\":\"openingHours[0].opens\",\"message\":\"must be a time in HH:mm format\"},"
                        + "{\"field\":\"openingHours[2].day\",\"message\":\"duplicates MONDAY\"},"
                        + "{\"field\":\"category\",\"message\":\"unknown category 'sushi'\"}]");
        assertProblem(post("/api/restaurants", """
                {"name":"어딘가","category":"sushi","address":"서울","minimumOrderAmount":0,"deliveryFee":0}"""), 400, "invalid-input", "category unknown category 'sushi'");
        assertThat(get("/api/restaurants").json().get("totalElements").longValue())
                .isZero();
    }

    @Test
    void rejectsMalformedAndEmptyBodies() {
        Response malformed = post("/api/restaurants", "{\"name\": ");
        assertThat(malformed.status).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.json().get("errors").get(0).get("field").stringValue())
                .isEqualTo("body");
        assertThat(malformed.json().get("detail").stringValue()).startsWith("body is not valid JSON: ");
        assertProblem(post("/api/restaurants", "[1,2]"), 400, "invalid-input", "body must be a JSON object");
        String id = register("셋", "korean");
        String item = post("/api/restaurants/" + id + "/menu-items", "{\"name\":\"김밥\",\"price\":3000}")
                .json()
                .get("id")
                .stringValue();
        assertProblem(
                put("/api/restaurants/" + id + "/menu-items/" + item, "{}"),
                400,
                "invalid-input",
                "body must contain price or available");
        assertProblem(
                put("/api/restaurants/" + id + "/menu-items/" + item, "{\"price\":-5}"),
                400,
                "invalid-input",
                "price must be greater than or equal to 0");
        assertProblem(
                put("/api/restaurants/x/menu-items/y", "{\"price\":1}"),
                400,
                "invalid-input",
                "id must be a UUID; itemId must be a UUID");
    }

    @Test
    void answersAWrongMethodWith405ListingTheAllowedOnes() {
        Response response = send(HttpRequest.newBuilder(uri("/api/restaurants")).DELETE());
        assertThat(response.status).isEqualTo(405);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.json().get("type").stringValue())
                .isEqualTo("https://banyan.dev/problems/method-not-allowed");
        assertThat(response.json().get("detail").stringValue())
                .startsWith("Method DELETE is not supported on /api/restaurants; supported: ");
        assertThat(response.header("Allow")).isNotNull();
        assertThat(response.header("Allow").split(",\\s*")).containsExactlyInAnyOrder("GET", "POST");
    }

    @Test
    void servesHealthAndPrometheusMetrics() {
        Response health = get("/actuator/health");
        assertThat(health.status).isEqualTo(200);
        assertThat(health.json().get("status").stringValue()).isEqualTo("UP");
        get("/api/categories");
        Response metrics = get("/actuator/prometheus");
        assertThat(metrics.status).isEqualTo(200);
        assertThat(metrics.body).contains("http_server_requests_seconds_count").contains("hikaricp_connections");
    }

    private String register(String name, String category) {
        Response response = post(
                "/api/restaurants",
                "{\"name\":\"" + name + "\",\"category\":\"" + category
                        + "\",\"address\":\"서울\",\"minimumOrderAmount\":12000,\"deliveryFee\":2000}");
        assertThat(response.status).as(response.body).isEqualTo(201);
        return response.json().get("id").stringValue();
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("content").forEach(r -> names.add(r.get("name").stringValue()));
        return names;
    }

    private static void assertProblem(Response response, int status, String slug, String detail) {
        assertThat(response.status).as(response.body).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").stringValue()).isEqualTo("https://banyan.dev/problems/" + slug);
        assertThat(problem.get("status").intValue()).isEqualTo(status);
        assertThat(problem.get("detail").stringValue()).isEqualTo(detail);
    }

    private Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private Response post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    private Response put(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Response(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }
    }
}
