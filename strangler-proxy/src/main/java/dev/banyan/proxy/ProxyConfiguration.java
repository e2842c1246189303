package dev.banyan.proxy;

import java.time.Clock;
import java.time.Duration;

import dev.banyan.proxy.admin.AdminApi;
import dev.banyan.proxy.admin.AdminServer;
import dev.banyan.proxy.edge.ClientTimeouts;
import dev.banyan.proxy.edge.MethodNotAllowedHandler;
import dev.banyan.proxy.edge.RequestGuardFilter;
import dev.banyan.proxy.edge.StranglerRoutingFilter;
import dev.banyan.proxy.events.EventRouteSync;
import dev.banyan.proxy.fallback.BodyBudget;
import dev.banyan.proxy.fallback.FailureKind;
import dev.banyan.proxy.fallback.ServiceCircuitBreakers;
import dev.banyan.proxy.fallback.ServiceDispatchFilter;
import dev.banyan.proxy.forwarding.BackendHeaders;
import dev.banyan.proxy.forwarding.BackendRoutingFilter;
import dev.banyan.proxy.metrics.ProxyMetrics;
import dev.banyan.proxy.reload.RoutesFileEditor;
import dev.banyan.proxy.reload.RoutesFileWatcher;
import dev.banyan.proxy.reload.RoutesManager;
import dev.banyan.proxy.routing.ActiveRoutes;
import dev.banyan.proxy.shadow.MismatchLog;
import dev.banyan.proxy.shadow.ShadowMirror;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.headers.TrustedProxies;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import reactor.netty.http.client.HttpClient;

/**
 * Wires the strangler proxy into Spring Cloud Gateway. With {@code banyan.enabled=false} none of it is loaded and
 * the application is a plain gateway (the benchmark uses that as its baseline).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BanyanProperties.class)
@ConditionalOnProperty(name = "banyan.enabled", havingValue = "true", matchIfMissing = true)
class ProxyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProxyConfiguration.class);

    /**
     * One catch-all gateway route. It only gets the request into the gateway's filter chain: the Banyan routing
     * filter replaces it with the chosen backend's route before any URL is built.
     */
    @Bean
    RouteLocator stranglerRoute(RouteLocatorBuilder builder) {
        return builder.routes()
                .route("banyan", r -> r.alwaysTrue().uri("http://backend.chosen-per-request.invalid"))
                .build();
    }

    @Bean
    ProxyMetrics proxyMetrics(MeterRegistry registry) {
        return new ProxyMetrics(registry);
    }

    @Bean
    RoutesManager routesManager(BanyanProperties properties, ProxyMetrics metrics) {
        return new RoutesManager(properties.getRoutes(), metrics);
    }

    @Bean
    RoutesFileWatcher routesFileWatcher(RoutesManager routes, BanyanProperties properties) {
        return new RoutesFileWatcher(routes, properties.getReloadInterval());
    }

    @Bean
    MismatchLog mismatchLog(BanyanProperties properties) {
        return new MismatchLog(properties.getShadow().getKeepMismatches());
    }

    @Bean
    BackendHeaders backendHeaders(BanyanProperties properties, Environment env) {
        // the gateway's own setting, so a load balancer is trusted the way Spring Cloud Gateway users expect
        String trusted = env.getProperty(TrustedProxies.PROPERTY);
        return new BackendHeaders(
                StringUtils.hasText(trusted) ? TrustedProxies.from(trusted) : BackendHeaders.noTrustedProxies(),
                properties.getCorrelationHeader());
    }

    @Bean
    BackendRoutingFilter backendRoutingFilter(
            HttpClient gatewayHttpClient, HttpClientProperties properties, BackendHeaders headers) {
        return new BackendRoutingFilter(gatewayHttpClient, properties, headers);
    }

    @Bean(destroyMethod = "close")
    ShadowMirror shadowMirror(
            BanyanProperties properties, MismatchLog mismatches, ProxyMetrics metrics, BackendHeaders headers) {
        return new ShadowMirror(
                properties.getShadow().getMaxInFlight(),
                (int) properties.getShadow().getMaxBodySize().toBytes(),
                mismatches,
                metrics,
                headers);
    }

    @Bean
    CircuitBreakerConfig serviceCircuitBreakerConfig(BanyanProperties properties) {
        BanyanProperties.CircuitBreaker cb = properties.getCircuitBreaker();
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(cb.getFailureRateThreshold())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(cb.getSlidingWindowSize())
                .minimumNumberOfCalls(cb.getMinimumNumberOfCalls())
                .waitDurationInOpenState(cb.getWaitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(cb.getPermittedCallsInHalfOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .ignoreException(e -> FailureKind.of(e) == FailureKind.BODY_TOO_LARGE)
                .build();
    }

    /** The same settings for anything else that asks Spring Cloud CircuitBreaker for a breaker. */
    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> serviceCircuitBreakerDefaults(CircuitBreakerConfig config) {
        // Timeouts come from the routes file (per service) and are enforced by the gateway's HTTP client.
        TimeLimiterConfig noTimeLimit =
                TimeLimiterConfig.custom().timeoutDuration(Duration.ofDays(1)).build();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(config)
                .timeLimiterConfig(noTimeLimit)
                .build());
    }

    @Bean
    ServiceCircuitBreakers serviceCircuitBreakers(
            ReactiveResilience4JCircuitBreakerFactory factory, CircuitBreakerConfig config, MeterRegistry registry) {
        return new ServiceCircuitBreakers(factory, config, registry);
    }

    /** Bounds how long clients may take to send a request, on the public port (applied by Spring Boot). */
    @Bean
    ClientTimeouts clientTimeouts(BanyanProperties properties) {
        return new ClientTimeouts(properties.getRequestHeaderTimeout(), properties.getRequestBodyTimeout(), null);
    }

    @Bean
    MethodNotAllowedHandler methodNotAllowedHandler() {
        return new MethodNotAllowedHandler();
    }

    @Bean
    RequestGuardFilter requestGuardFilter(BanyanProperties properties) {
        return new RequestGuardFilter(properties.getMaxBodySize().toBytes(), properties.getCorrelationHeader());
    }

    @Bean
    StranglerRoutingFilter stranglerRoutingFilter(
            RoutesManager routes,
            ShadowMirror shadow,
            ProxyMetrics metrics,
            BanyanProperties properties,
            BodyBudget bodyBudget) {
        return new StranglerRoutingFilter(
                routes,
                shadow,
                metrics,
                (int) Math.min(
                        Integer.MAX_VALUE - 8, properties.getMaxBodySize().toBytes()),
                bodyBudget);
    }

    /** Bytes of request bodies buffered at once; by default a quarter of the heap. */
    @Bean
    BodyBudget bodyBudget(BanyanProperties properties, MeterRegistry registry) {
        long limit = properties.getMaxBufferedBodies() != null
                ? properties.getMaxBufferedBodies().toBytes()
                : Runtime.getRuntime().maxMemory() / 4;
        BodyBudget budget = new BodyBudget(limit);
        Gauge.builder("banyan.proxy.buffered.bodies", budget, BodyBudget::used)
                .baseUnit("bytes")
                .description("Bytes of request bodies held in memory for fallback or shadow; limit "
                        + "banyan.max-buffered-bodies")
                .register(registry);
        return budget;
    }

    @Bean
    ServiceDispatchFilter serviceDispatchFilter(ServiceCircuitBreakers breakers, ProxyMetrics metrics) {
        return new ServiceDispatchFilter(breakers, metrics);
    }

    @Bean(destroyMethod = "close")
    EventRouteSync eventRouteSync(RoutesManager routes, BanyanProperties properties, MeterRegistry registry) {
        BanyanProperties.EventRoutes settings = properties.getEventRoutes();
        return new EventRouteSync(
                        routes, settings.getToken(), settings.getRecheckInterval(), registry, Clock.systemUTC())
                .start(settings.getCheckInterval());
    }

    @Bean
    RoutesFileEditor routesFileEditor(RoutesManager routes) {
        return new RoutesFileEditor(routes);
    }

    @Bean
    @ConditionalOnProperty(name = "banyan.admin.token")
    AdminServer adminServer(
            RoutesManager routes,
            RoutesFileEditor editor,
            ProxyMetrics metrics,
            MismatchLog mismatches,
            ServiceCircuitBreakers breakers,
            EventRouteSync eventRoutes,
            BanyanProperties properties,
            Environment env) {
        BanyanProperties.Admin admin = properties.getAdmin();
        if (!StringUtils.hasText(admin.getToken())) {
            throw new IllegalStateException("banyan.admin.token is set but empty; unset it to turn the admin API off");
        }
        // the same client limits as the public port, idle timeout included
        ClientTimeouts timeouts = new ClientTimeouts(
                properties.getRequestHeaderTimeout(),
                properties.getRequestBodyTimeout(),
                env.getProperty("server.netty.idle-timeout", Duration.class, Duration.ofSeconds(60)));
        return new AdminServer(
                new AdminApi(
                        routes,
                        editor,
                        metrics,
                        mismatches,
                        breakers,
                        eventRoutes,
                        properties.getEventRoutes().getConfirmTimeout(),
                        admin.getToken().trim()),
                admin.getAddress(),
                admin.getPort(),
                timeouts);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> startupLine(
            RoutesManager routes, BanyanProperties properties, ObjectProvider<AdminServer> admin, Environment env) {
        return event -> {
            ActiveRoutes active = routes.current();
            AdminServer adminServer = admin.getIfAvailable();
            StringBuilder services = new StringBuilder();
            active.config()
                    .services()
                    .forEach((name, target) -> services.append(services.isEmpty() ? "" : ", ")
                            .append(name)
                            .append('=')
                            .append(target.uri()));
            log.info(
                    "Banyan strangler proxy ready: public port {}, admin API {}, routes file {} ({} routes, {} event routes), "
                            + "legacy {}, services [{}], no database",
                    env.getProperty("local.server.port"),
                    adminServer == null
                            ? "off (banyan.admin.token not set)"
                            : "on " + properties.getAdmin().getAddress() + ":" + adminServer.port(),
                    routes.file(),
                    active.config().routes().size(),
                    active.config().eventRoutes().size(),
                    active.config().legacy().uri(),
                    services);
        };
    }
}
