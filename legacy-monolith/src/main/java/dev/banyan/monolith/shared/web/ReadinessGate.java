package dev.banyan.monolith.shared.web;

import java.io.IOException;

import dev.banyan.http.problem.ProblemAdvice.Kind;

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
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

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
    FilterRegistrationBean<OncePerRequestFilter> readinessGateFilter(
            ApplicationAvailability availability, JsonMapper json) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new NotReadyFilter(availability, json));
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    static final class NotReadyFilter extends OncePerRequestFilter {

        private final ApplicationAvailability availability;
        private final JsonMapper json;

        NotReadyFilter(ApplicationAvailability availability, JsonMapper json) {
            this.availability = availability;
            // the mix-in that Spring MVC's converter applies, so the problem reads the same as the controllers' ones
            this.json = json.rebuild()
                    .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
                    .build();
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
                chain.doFilter(request, response);
                return;
            }
            ProblemDetail problem = Kind.NOT_READY.problem(
                    "The monolith is not ready to serve requests (it is "
                            + "still loading its data, or shutting down); retry when /actuator/health/readiness answers UP",
                    request.getRequestURI());
            response.setStatus(problem.getStatus());
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(json.writeValueAsBytes(problem));
        }
    }
}
