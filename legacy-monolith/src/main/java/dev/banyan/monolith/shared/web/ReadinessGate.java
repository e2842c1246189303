package dev.banyan.monolith.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * The HTTP API answers only when the application is ready. The web server is up before the demo data has been
 * loaded (Boot keeps the readiness state at {@code REFUSING_TRAFFIC} until every application runner, the demo loader
 * among them, has finished); in that window {@code /api/**} answers 503 {@code not-ready} with {@code Retry-After}
 * instead of an empty catalog (likewise while shutting down, when Boot refuses traffic again). Operators and tools
 * wait on {@code /actuator/health/readiness}.
 */
@Configuration(proxyBeanMethods = false)
class ReadinessGate {

    static final String RETRY_AFTER_SECONDS = "2";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> readinessGateFilter(ApplicationAvailability availability,
                                                                     JsonMapper json) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new NotReadyFilter(availability, json));
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    static final class NotReadyFilter extends OncePerRequestFilter {

        private final ApplicationAvailability availability;
        private final JsonMapper json;

        NotReadyFilter(ApplicationAvailability availability, JsonMapper json) {
            this.availability = availability;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
                chain.doFilter(request, response);
                return;
            }
            HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
            Problem problem = new Problem(Problem.TYPE_BASE + "not-ready", "Not ready", status.value(),
                    "The monolith is not ready to serve requests (it is still loading its data, or shutting "
                            + "down); retry when /actuator/health/readiness answers UP", request.getRequestURI(), null, null);
            response.setStatus(status.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(json.writeValueAsBytes(problem));
        }
    }
}
