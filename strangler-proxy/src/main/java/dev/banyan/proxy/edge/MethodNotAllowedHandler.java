package dev.banyan.proxy.edge;

import java.util.stream.Collectors;

import dev.banyan.proxy.exchange.ProblemResponses;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * A 405 from an endpoint the proxy serves itself (the actuator) becomes a problem response with the {@code Allow}
 * header RFC 9110 asks for. Spring knows the allowed methods, but Boot's error handler drops them with the
 * exception's other headers. Proxied requests never get here: the backend's own 405 passes through as it is.
 */
public class MethodNotAllowedHandler implements WebExceptionHandler, Ordered {

    @Override
    public int getOrder() {
        // before Boot's ErrorWebExceptionHandler (-1)
        return -2;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (!(error instanceof MethodNotAllowedException notAllowed) || response.isCommitted()) {
            return Mono.error(error);
        }
        response.getHeaders().setAllow(notAllowed.getSupportedMethods());
        String allowed = notAllowed.getSupportedMethods().stream()
                .map(HttpMethod::name)
                .sorted()
                .collect(Collectors.joining(", "));
        return ProblemResponses.write(
                response,
                HttpStatus.METHOD_NOT_ALLOWED,
                notAllowed.getHttpMethod() + " is not allowed here (allowed: " + allowed + ")");
    }
}
