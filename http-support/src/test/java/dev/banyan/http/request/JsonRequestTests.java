package dev.banyan.http.request;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonRequestTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Item(UUID menuItemId, long quantity) {}

    record Order(UUID customerId, String note, List<Item> items) {}

    private static Order order(JsonRequest body) {
        return new Order(
                body.requiredUuid("customerId"),
                body.optionalText("note"),
                body.requiredObjects("items").stream()
                        .map(item -> new Item(
                                item.requiredUuid("menuItemId"),
                                item.requiredLong("quantity", 1) == null ? 0 : item.requiredLong("quantity", 1)))
                        .toList());
    }

    @Test
    void readsAValidBodyIntoItsTypedRecord() {
        UUID customer = UUID.randomUUID();
        UUID item = UUID.randomUUID();
        Order order = JsonRequest.read(
                json("{\"customerId\":\"" + customer + "\",\"note\":\"문 앞에 놓아 주세요\"," + "\"items\":[{\"menuItemId\":\""
                        + item + "\",\"quantity\":2}]}"),
                JsonRequestTests::order);

        assertThat(order).isEqualTo(new Order(customer, "문 앞에 놓아 주세요", List.of(new Item(item, 2))));
    }

    @Test
    void oneFailureListsEveryBadFieldWithItsJsonPath() {
        assertThatThrownBy(() -> JsonRequest.read(json("""
                {"customerId":"not-a-uuid","note":7,"items":[{"menuItemId":null,"quantity":"2"},3,
                 {"menuItemId":"00000000-0000-0000-0000-000000000001","quantity":0}]}"""), JsonRequestTests::order))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(
                                        new FieldError("customerId", "must be a UUID"),
                                        new FieldError("note", "must be a string"),
                                        new FieldError("items[1]", "must be an object"),
                                        new FieldError("items[0].menuItemId", "must not be null"),
                                        new FieldError("items[0].quantity", "must be an integer"),
                                        new FieldError("items[2].quantity", "must be greater than or equal to 1")));
    }

    @Test
    void typesAreStrict() {
        JsonRequest body = JsonRequest.of(json("{\"price\":1.5,\"big\":18446744073709551616,\"text\":\"12\","
                + "\"flag\":\"true\",\"id\":\"0000000000000000000000000000000000001\"}"));

        assertThat(body.optionalLong("price", 0)).isNull();
        assertThat(body.optionalLong("big", 0)).isNull();
        assertThat(body.optionalLong("text", 0)).isNull();
        assertThat(body.optionalBoolean("flag")).isNull();
        assertThat(body.optionalUuid("id")).isNull();
        assertThatThrownBy(body::throwIfInvalid)
                .hasMessage("price must be an integer; big must be an integer; "
                        + "text must be an integer; flag must be a boolean; id must be a UUID");
    }

    @Test
    void requiredTextRejectsBlankMissingAndNonStrings() {
        JsonRequest body = JsonRequest.of(json("{\"blank\":\"  \",\"number\":3}"));

        assertThat(body.requiredText("blank")).isNull();
        assertThat(body.requiredText("missing")).isNull();
        assertThat(body.requiredText("number")).isNull();
        assertThatThrownBy(body::throwIfInvalid)
                .hasMessage("blank must not be blank; missing must not be blank; number must be a string");
    }

    @Test
    void refusesAnEmptyOrNonObjectBody() {
        assertThatThrownBy(() -> JsonRequest.of(null)).hasMessage("body must not be empty");
        assertThatThrownBy(() -> JsonRequest.of(json("[1]"))).hasMessage("body must be a JSON object");
        assertThatThrownBy(() -> JsonRequest.of(json("\"교촌\""))).hasMessage("body must be a JSON object");
    }

    @Test
    void requiredArrayMustBePresentAndNonEmpty() {
        assertThatThrownBy(() -> JsonRequest.read(json("{\"items\":[]}"), body -> body.requiredObjects("items")))
                .hasMessage("items must not be empty");
        assertThatThrownBy(() -> JsonRequest.read(json("{\"items\":{}}"), body -> body.requiredObjects("items")))
                .hasMessage("items must be an array");
    }

    @Test
    void pathIdsMustBeCanonicalUuids() {
        assertThat(JsonRequest.uuid("5F0C2A7E-93D1-4B6A-8E2F-1C7D9A4B3E60", "id"))
                .isEqualTo(UUID.fromString("5f0c2a7e-93d1-4b6a-8e2f-1c7d9a4b3e60"));
        assertThatThrownBy(() -> JsonRequest.uuid("1-2-3-4-5", "id")).hasMessage("id must be a UUID");
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
