package dev.banyan.proxy.exchange;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemResponsesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aProblemHasTheFieldsOfRfc9457AsSpringWritesThem() {
        JsonNode problem = JSON.readTree(ProblemResponses.json(HttpStatus.BAD_GATEWAY, "legacy is unreachable"));
        // no "type": Spring leaves out the default, which RFC 9457 reads as about:blank
        assertThat(problem.propertyNames()).containsExactlyInAnyOrder("title", "status", "detail");
        assertThat(problem.get("title").asString()).isEqualTo("Bad Gateway");
        assertThat(problem.get("status").asInt()).isEqualTo(502);
        assertThat(problem.get("detail").asString()).isEqualTo("legacy is unreachable");
    }

    @Test
    void anyDetailSurvivesTheJsonUnchanged() {
        String detail = "route \"catalog\\reads\"\n\ttab, bell \u0007, NUL \u0000, 떡볶이 명가 </script>";
        JsonNode problem = JSON.readTree(ProblemResponses.json(HttpStatus.BAD_REQUEST, detail));
        assertThat(problem.get("detail").asString()).isEqualTo(detail);
    }

    @Test
    void writesStatusTypeLengthAndBodyToAResponseNotYetCommitted() {
        MockServerHttpResponse response = new MockServerHttpResponse();
        ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE, "budget full: 떡볶이")
                .block();
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        String body = response.getBodyAsString().block();
        assertThat(response.getHeaders().getContentLength()).isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
        assertThat(JSON.readTree(body).get("detail").asString()).isEqualTo("budget full: 떡볶이");
    }

    @Test
    void leavesACommittedResponseAlone() {
        MockServerHttpResponse response = new MockServerHttpResponse();
        response.setStatusCode(HttpStatus.OK);
        response.setComplete().block();
        ProblemResponses.write(response, HttpStatus.BAD_GATEWAY, "too late").block();
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).isNull();
    }
}
