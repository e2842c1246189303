package dev.banyan.monolith.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.banyan.monolith.HttpTestClient.Response;
import dev.banyan.monolith.MonolithIntegrationTest;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerHttpIntegrationTests extends MonolithIntegrationTest {

    @Test
    void registersACustomerWithAddressesAndKoreanTextRoundTrips() {
        String email = "jiwoo-" + UUID.randomUUID() + "@example.kr";
        Response created = http().post("/api/customers", """
                {"name":"김지우","email":"%s","phone":"010-2222-3333",
                 "addresses":[{"label":"집","address":"서울특별시 송파구 올림픽로 300, 롯데월드타워 12층"},
                              {"label":"회사","address":"경기도 성남시 분당구 판교역로 166"}]}""".formatted(email));

        assertThat(created.status()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.location()).isEqualTo("/api/customers/" + id);
        Response fetched = http().get("/api/customers/" + id);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(created.body());
        JsonNode customer = fetched.json();
        assertThat(customer.get("name").asString()).isEqualTo("김지우");
        assertThat(customer.get("addresses").get(0).get("address").asString())
                .isEqualTo("서울특별시 송파구 올림픽로 300, 롯데월드타워 12층");
        assertThat(customer.get("addresses").get(0).get("defaultAddress").asBoolean())
                .isTrue();
        assertThat(customer.get("addresses").get(1).get("label").asString()).isEqualTo("회사");
        assertThat(customer.get("addresses").get(1).get("defaultAddress").asBoolean())
                .isFalse();
    }

    @Test
    void rejectsInvalidCustomersNamingEveryField() {
        Response response = http().post(
                        "/api/customers",
                        "{\"name\":\"\",\"email\":\"not-an-email\",\"phone\":5,\"addresses\":[{\"label\":\"집\"}]}");

        assertThat(response.status()).isEqualTo(400);
        List<String> errors = new ArrayList<>();
        response.json()
                .get("errors")
                .forEach(e -> errors.add(
                        e.get("field").asString() + " " + e.get("message").asString()));
        assertThat(errors)
                .containsExactly(
                        "name must not be blank",
                        "email must be an email address",
                        "phone must be a string",
                        "addresses[0].address must not be blank");
        assertThat(http().post("/api/customers", "{\"name\":\"a\",\"email\":\"a@b.kr\",\"addresses\":[]}")
                        .json()
                        .get("errors")
                        .get(0)
                        .toString())
                .isEqualTo("{\"field\":\"addresses\",\"message\":\"must not be empty\"}");
    }

    @Test
    void refusesADuplicateEmail() {
        String body = "{\"name\":\"박서준\",\"email\":\"dup-" + UUID.randomUUID()
                + "@example.kr\",\"addresses\":[{\"label\":\"집\",\"address\":\"부산광역시 해운대구\"}]}";
        assertThat(http().post("/api/customers", body).status()).isEqualTo(201);

        Response again = http().post("/api/customers", body.replace("dup-", "DUP-"));

        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("type").asString()).isEqualTo("https://banyan.dev/problems/domain-rule");
        assertThat(again.json().get("detail").asString()).contains("is already registered");
    }

    @Test
    void answersUnknownAndMalformedIds() {
        String unknown = UUID.randomUUID().toString();

        assertThat(http().get("/api/customers/" + unknown).json().get("detail").asString())
                .isEqualTo("Customer " + unknown + " not found");
        assertThat(http().get("/api/customers/" + unknown).status()).isEqualTo(404);
        Response malformed = http().get("/api/customers/abc");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("errors").get(0).get("field").asString())
                .isEqualTo("id");
    }
}
