package dev.banyan.monolith.shared;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonBodyTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static JsonBody body(String json) {
        return JsonBody.of(JSON.readTree(json));
    }

    @Test
    void readsTypedFieldsStrictly() {
        JsonBody body = body("{\"text\":\"양념\",\"n\":12,\"flag\":true,\"id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\"}");

        assertThat(body.requiredText("text")).isEqualTo("양념");
        assertThat(body.requiredLong("n", 0)).isEqualTo(12L);
        assertThat(body.optionalBoolean("flag")).isTrue();
        assertThat(body.requiredUuid("id")).hasToString("0f8fad5b-d9cb-469f-a165-70867728950e");
        assertThat(body.isValid()).isTrue();
    }

    @Test
    void collectsEveryProblemWithItsPath() {
        JsonBody body = body("{\"n\":\"12\",\"f\":1.5,\"items\":[{\"q\":-1},3]}");

        body.requiredLong("n", 0);
        body.requiredLong("f", 0);
        body.optionalObjects("items").forEach(item -> item.requiredLong("q", 1));

        assertThatThrownBy(body::throwIfInvalid).isInstanceOf(InvalidInputException.class)
                .hasMessage("n must be an integer; f must be an integer; items[1] must be an object; "
                        + "items[0].q must be greater than or equal to 1");
    }

    @Test
    void refusesBodiesThatAreNotObjects() {
        assertThatThrownBy(() -> body("[]")).hasMessage("body must be a JSON object");
        assertThatThrownBy(() -> body("null")).hasMessage("body must not be empty");
        assertThatThrownBy(() -> Ids.parse("1234", "id")).hasMessage("id must be a UUID");
    }
}
