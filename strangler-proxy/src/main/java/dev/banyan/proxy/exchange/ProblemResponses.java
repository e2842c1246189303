package dev.banyan.proxy.exchange;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details for errors the proxy itself produces, as Spring's {@link ProblemDetail} written by
 * Jackson with the mixin Spring's own converters use, so the JSON is what a Spring MVC or WebFlux app would send.
 */
public final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .build();

    private ProblemResponses() {}

    /** Answers with the problem, unless something was already sent (then there is nothing left to say). */
    public static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String detail) {
        if (response.isCommitted()) {
            return Mono.empty();
        }
        byte[] body = bytes(status, detail);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(
                Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    public static ProblemDetail problem(HttpStatus status, String detail) {
        return ProblemDetail.forStatusAndDetail(status, detail);
    }

    public static String json(HttpStatus status, String detail) {
        return JSON.writeValueAsString(problem(status, detail));
    }

    private static byte[] bytes(HttpStatus status, String detail) {
        return JSON.writeValueAsBytes(problem(status, detail));
    }
}
