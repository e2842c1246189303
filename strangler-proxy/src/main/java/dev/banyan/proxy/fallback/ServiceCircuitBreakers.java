package dev.banyan.proxy.fallback;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import reactor.core.publisher.Mono;

/**
 * One Resilience4j circuit breaker per service, kept in the registry of Spring Cloud CircuitBreaker's Resilience4j
 * factory. Each breaker and its Reactor operator are built once per service and reused, so a call costs only the
 * breaker's own bookkeeping. Timeouts are the gateway's (per service, from the routes file), so there is no time
 * limiter.
 */
public class ServiceCircuitBreakers {

    private record Breaker(CircuitBreaker circuitBreaker, CircuitBreakerOperator<Object> operator) {}

    private final ReactiveResilience4JCircuitBreakerFactory factory;

    private final CircuitBreakerConfig config;

    private final MeterRegistry meters;

    private final Map<String, Breaker> breakers = new ConcurrentHashMap<>();

    public ServiceCircuitBreakers(
            ReactiveResilience4JCircuitBreakerFactory factory, CircuitBreakerConfig config, MeterRegistry meters) {
        this.factory = factory;
        this.config = config;
        this.meters = meters;
    }

    @SuppressWarnings("unchecked")
    public <T> Mono<T> run(String service, Mono<T> call, Function<Throwable, Mono<T>> onFailure) {
        Breaker breaker = breakers.get(service);
        if (breaker == null) {
            breaker = breakers.computeIfAbsent(service, this::create);
        }
        return ((Mono<Object>) call)
                .transform(breaker.operator())
                .map(v -> (T) v)
                .onErrorResume(error -> onFailure.apply(error));
    }

    /** The breaker's state: CLOSED, OPEN, HALF_OPEN... */
    public String state(String service) {
        Breaker breaker = breakers.get(service);
        return breaker == null
                ? CircuitBreaker.State.CLOSED.name()
                : breaker.circuitBreaker().getState().name();
    }

    private Breaker create(String service) {
        CircuitBreaker circuitBreaker = factory.getCircuitBreakerRegistry().circuitBreaker(service, config);
        Gauge.builder(
                        "banyan.circuit.state",
                        circuitBreaker,
                        cb -> cb.getState().getOrder())
                .description("Circuit state per service: 0 closed, 1 open, 2 half open, 3 disabled, 4 forced open")
                .tag("service", service)
                .register(meters);
        return new Breaker(circuitBreaker, CircuitBreakerOperator.of(circuitBreaker));
    }
}
