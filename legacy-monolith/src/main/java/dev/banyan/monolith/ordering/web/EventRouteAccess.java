package dev.banyan.monolith.ordering.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import dev.banyan.http.problem.ProblemAdvice;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Guards {@code /internal/event-routes/**} with the bearer token {@code banyan.event-routes.token} (environment
 * {@code BANYAN_EVENT_ROUTES_TOKEN}), checked before the request body is read. No token configured: 403, the routes
 * cannot be switched at all; a missing or wrong token: 401. Tokens are compared in constant time.
 */
@Configuration(proxyBeanMethods = false)
class EventRouteAccess implements WebMvcConfigurer, HandlerInterceptor {

    static final String PATHS = "/internal/event-routes/**";

    private final byte[] token;

    EventRouteAccess(@Value("${banyan.event-routes.token:}") String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns(PATHS);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (token.length == 0) {
            throw denied(
                    HttpStatus.FORBIDDEN,
                    "forbidden",
                    "Forbidden",
                    "event routes are not configured: set banyan.event-routes.token (BANYAN_EVENT_ROUTES_TOKEN)",
                    request);
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        byte[] presented = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring("Bearer ".length()).getBytes(StandardCharsets.UTF_8)
                : new byte[0];
        if (!MessageDigest.isEqual(presented, token)) {
            ErrorResponseException unauthorized = denied(
                    HttpStatus.UNAUTHORIZED,
                    "unauthorized",
                    "Unauthorized",
                    "a valid bearer token is required (Authorization: Bearer <banyan.event-routes.token>)",
                    request);
            unauthorized.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            throw unauthorized;
        }
        return true;
    }

    private static ErrorResponseException denied(
            HttpStatus status, String slug, String title, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(ProblemAdvice.TYPE_BASE + slug));
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        return new ErrorResponseException(status, problem, null);
    }
}
