package dev.banyan.proxy.fallback;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;

/**
 * One Resilience4j circuit breaker per service, through Spring Cloud CircuitBreaker. Timeouts are the gateway's
 * (per service, from the routes file), so the breaker's own time limiter is off.
 */
public class ServiceCircuitBreakers {

    private final ReactiveResilience4JCircuitBreakerFactory factory;

    private final MeterRegistry meters;

    private final Map<String, ReactiveCircuitBreaker> breakers = new ConcurrentHashMap<>();

    public ServiceCircuitBreakers(ReactiveResilience4JCircuitBreakerFactory factory, MeterRegistry meters) {
        this.factory = factory;
        this.meters = meters;
    }

    public <T> Mono<T> run(String service, Mono<T> call, Function<Throwable, Mono<T>> onFailure) {
        return breakers.computeIfAbsent(service, this::create).run(call, onFailure);
    }

    /** The breaker's state: CLOSED, OPEN, HALF_OPEN... */
    public String state(String service) {
        return registry().find(service).map(cb -> cb.getState().name()).orElse(CircuitBreaker.State.CLOSED.name());
    }

    private ReactiveCircuitBreaker create(String service) {
        ReactiveCircuitBreaker breaker = factory.create(service);
        Gauge.builder("banyan.circuit.state", () -> registry().find(service)
                        .map(cb -> (double) cb.getState().getOrder()).orElse(0.0))
                .description("Circuit state per service: 0 closed, 1 open, 2 half open, 3 disabled, 4 forced open")
                .tag("service", service)
                .register(meters);
        return breaker;
    }

    private CircuitBreakerRegistry registry() {
        return factory.getCircuitBreakerRegistry();
    }
}
