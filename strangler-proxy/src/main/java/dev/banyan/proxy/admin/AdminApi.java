package dev.banyan.proxy.admin;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.banyan.proxy.config.BackendTarget;
import dev.banyan.proxy.config.EventRouteSpec;
import dev.banyan.proxy.config.InvalidRoutesFileException;
import dev.banyan.proxy.config.RouteSpec;
import dev.banyan.proxy.config.RoutesConfig;
import dev.banyan.proxy.config.Stage;
import dev.banyan.proxy.events.EventRouteSync;
import dev.banyan.proxy.exchange.ProblemResponses;
import dev.banyan.proxy.fallback.ServiceCircuitBreakers;
import dev.banyan.proxy.metrics.ProxyMetrics;
import dev.banyan.proxy.reload.RoutesFileEditor;
import dev.banyan.proxy.reload.RoutesManager;
import dev.banyan.proxy.routing.ActiveRoutes;
import dev.banyan.proxy.shadow.MismatchLog;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.PUT;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;

/**
 * The admin API: the effective routes with live counters, stage and percent changes written back to the routes
 * file, the recent shadow mismatches, and the event routes with what their switches confirm. Every call needs {@code Authorization: Bearer <banyan.admin.token>}.
 */
public class AdminApi {

    private static final Logger log = LoggerFactory.getLogger(AdminApi.class);

    private static final Set<String> PUT_FIELDS = Set.of("stage", "percent");

    private final RoutesManager routes;

    private final RoutesFileEditor editor;

    private final ProxyMetrics metrics;

    private final MismatchLog mismatches;

    private final ServiceCircuitBreakers breakers;

    private final EventRouteSync eventRoutes;

    private final Duration eventRouteConfirmTimeout;

    private final byte[] token;

    private final JsonMapper json = JsonMapper.builder().build();

    public AdminApi(
            RoutesManager routes,
            RoutesFileEditor editor,
            ProxyMetrics metrics,
            MismatchLog mismatches,
            ServiceCircuitBreakers breakers,
            EventRouteSync eventRoutes,
            Duration eventRouteConfirmTimeout,
            String token) {
        this.routes = routes;
        this.eventRoutes = eventRoutes;
        this.eventRouteConfirmTimeout = eventRouteConfirmTimeout;
        this.editor = editor;
        this.metrics = metrics;
        this.mismatches = mismatches;
        this.breakers = breakers;
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    public RouterFunction<ServerResponse> router() {
        return RouterFunctions.route(GET("/admin/routes"), this::listRoutes)
                .andRoute(PUT("/admin/routes/{id}"), this::updateRoute)
                .andRoute(GET("/admin/routes/{id}/mismatches"), this::mismatches)
                .andRoute(GET("/admin/event-routes"), this::listEventRoutes)
                .andRoute(PUT("/admin/event-routes/{id}"), this::updateEventRoute)
                // a known path with another method: 405 naming the allowed one, not a 404 as if the path did not exist
                .andRoute(path("/admin/routes"), request -> methodNotAllowed(HttpMethod.GET))
                .andRoute(path("/admin/routes/{id}"), request -> methodNotAllowed(HttpMethod.PUT))
                .andRoute(path("/admin/routes/{id}/mismatches"), request -> methodNotAllowed(HttpMethod.GET))
                .andRoute(path("/admin/event-routes"), request -> methodNotAllowed(HttpMethod.GET))
                .andRoute(path("/admin/event-routes/{id}"), request -> methodNotAllowed(HttpMethod.PUT))
                .filter((request, next) -> authorized(request)
                        ? next.handle(request)
                        : problem(HttpStatus.UNAUTHORIZED, "A valid bearer token is required"));
    }

    private boolean authorized(ServerRequest request) {
        String header = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] presented = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(presented, token);
    }

    private Mono<ServerResponse> listRoutes(ServerRequest request) {
        ActiveRoutes active = routes.current();
        RoutesConfig config = active.config();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("file", config.file().toString());
        body.put("version", active.version());
        body.put("loadedAt", active.loadedAt().toString());
        body.put("lastReloadError", reloadError());
        body.put("legacy", backend(config.legacy()));
        Map<String, Object> services = new LinkedHashMap<>();
        config.services().forEach((name, target) -> {
            Map<String, Object> s = backend(target);
            s.put("circuit", breakers.state(name));
            services.put(name, s);
        });
        body.put("services", services);
        List<Object> list = new ArrayList<>();
        for (RouteSpec route : config.routes()) {
            Map<String, Object> r = describe(route);
            r.put("counters", metrics.routeCounters(route.id()));
            list.add(r);
        }
        body.put("routes", list);
        Map<String, Object> unmatched = new LinkedHashMap<>();
        unmatched.put("id", "default");
        unmatched.put("counters", metrics.routeCounters("default"));
        body.put("unmatched", unmatched);
        return ok(body);
    }

    private Mono<ServerResponse> updateRoute(ServerRequest request) {
        String id = request.pathVariable("id");
        return request.bodyToMono(String.class).defaultIfEmpty("").flatMap(text -> {
            JsonNode node;
            try {
                node = text.isBlank() ? null : json.readTree(text);
            } catch (JacksonException e) {
                return problem(HttpStatus.BAD_REQUEST, "body is not valid JSON: " + e.getOriginalMessage());
            }
            if (node == null || !node.isObject()) {
                return problem(
                        HttpStatus.BAD_REQUEST,
                        "body must be a JSON object like {\"stage\": \"CANARY\", \"percent\": 25}");
            }
            for (String field : node.propertyNames()) {
                if (!PUT_FIELDS.contains(field)) {
                    return problem(HttpStatus.BAD_REQUEST, "unknown field '" + field + "' (allowed: stage, percent)");
                }
            }
            Stage stage = null;
            if (node.has("stage")) {
                JsonNode s = node.get("stage");
                stage = s.isString() ? Stage.parse(s.asString()).orElse(null) : null;
                if (stage == null) {
                    return problem(
                            HttpStatus.BAD_REQUEST,
                            "stage: unknown stage " + s + " (expected one of " + Stage.names() + ")");
                }
            }
            BigDecimal percent = null;
            if (node.has("percent")) {
                JsonNode p = node.get("percent");
                if (!p.isNumber()) {
                    return problem(
                            HttpStatus.BAD_REQUEST, "percent: must be a number between 0 and 100 (was " + p + ")");
                }
                percent = p.decimalValue();
                if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                    return problem(HttpStatus.BAD_REQUEST, "percent: must be between 0 and 100 (was " + p + ")");
                }
                if (percent.stripTrailingZeros().scale() > 2) {
                    return problem(HttpStatus.BAD_REQUEST, "percent: at most two decimals (was " + p + ")");
                }
            }
            if (stage == null && percent == null) {
                return problem(HttpStatus.BAD_REQUEST, "give stage, percent or both");
            }
            Stage newStage = stage;
            BigDecimal newPercent = percent;
            return Mono.fromCallable(() -> editor.update(id, newStage, newPercent))
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMap(config -> {
                        log.info(
                                "Admin API set route {} to stage {} percent {}",
                                id,
                                config.route(id).map(RouteSpec::stage).orElse(null),
                                config.route(id).map(RouteSpec::percent).orElse(null));
                        return ok(describe(config.route(id).orElseThrow()));
                    })
                    .onErrorResume(
                            RoutesFileEditor.UnknownRouteException.class,
                            e -> problem(HttpStatus.NOT_FOUND, e.getMessage()))
                    .onErrorResume(
                            RoutesFileEditor.PendingChangeException.class,
                            e -> problem(HttpStatus.CONFLICT, e.getMessage()))
                    .onErrorResume(
                            InvalidRoutesFileException.class,
                            e -> problem(
                                    HttpStatus.BAD_REQUEST,
                                    "the change would make the routes file invalid: "
                                            + String.join(
                                                    "; ",
                                                    e.problems().stream()
                                                            .map(Object::toString)
                                                            .toList())));
        });
    }

    private Mono<ServerResponse> listEventRoutes(ServerRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", routes.current().version());
        body.put(
                "eventRoutes",
                eventRoutes.statuses().stream().map(AdminApi::describe).toList());
        return ok(body);
    }

    /**
     * Sets an event route's stage in the routes file and waits briefly for the legacy switch to confirm it: 200 when
     * it did, 202 when the file is changed but the switch has not confirmed yet (the proxy keeps trying).
     */
    private Mono<ServerResponse> updateEventRoute(ServerRequest request) {
        String id = request.pathVariable("id");
        return request.bodyToMono(String.class).defaultIfEmpty("").flatMap(text -> {
            JsonNode node;
            try {
                node = text.isBlank() ? null : json.readTree(text);
            } catch (JacksonException e) {
                return problem(HttpStatus.BAD_REQUEST, "body is not valid JSON: " + e.getOriginalMessage());
            }
            if (node == null || !node.isObject()) {
                return problem(HttpStatus.BAD_REQUEST, "body must be a JSON object like {\"stage\": \"MIGRATED\"}");
            }
            for (String field : node.propertyNames()) {
                if (!field.equals("stage")) {
                    return problem(HttpStatus.BAD_REQUEST, "unknown field '" + field + "' (allowed: stage)");
                }
            }
            JsonNode s = node.get("stage");
            Stage stage = s != null && s.isString()
                    ? Stage.parse(s.asString())
                            .filter(EventRouteSpec.STAGES::contains)
                            .orElse(null)
                    : null;
            if (stage == null) {
                return problem(
                        HttpStatus.BAD_REQUEST,
                        "stage: " + (s == null ? "is required" : s + " is not a stage of an event route")
                                + " (expected LEGACY, SHADOW or MIGRATED)");
            }
            return Mono.fromCallable(() -> {
                        editor.updateEventRoute(id, stage);
                        log.info("Admin API set event route {} to stage {}", id, stage);
                        return eventRoutes
                                .syncAndAwait(id, eventRouteConfirmTimeout)
                                .orElseThrow();
                    })
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMap(status -> status.inSync()
                            ? ok(describe(status))
                            : ServerResponse.accepted()
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .bodyValue(json.writeValueAsString(describe(status))))
                    .onErrorResume(
                            RoutesFileEditor.UnknownRouteException.class,
                            e -> problem(HttpStatus.NOT_FOUND, e.getMessage()))
                    .onErrorResume(
                            RoutesFileEditor.PendingChangeException.class,
                            e -> problem(HttpStatus.CONFLICT, e.getMessage()));
        });
    }

    private static Map<String, Object> describe(EventRouteSync.Status status) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", status.id());
        r.put("switch", status.switchUri().toString());
        r.put("stage", status.stage().name());
        r.put(
                "confirmedStage",
                status.confirmedStage() == null ? null : status.confirmedStage().name());
        r.put("inSync", status.inSync());
        r.put(
                "confirmedAt",
                status.confirmedAt() == null ? null : status.confirmedAt().toString());
        r.put("lastError", status.lastError());
        r.put(
                "lastAttemptAt",
                status.lastAttemptAt() == null ? null : status.lastAttemptAt().toString());
        return r;
    }

    private Mono<ServerResponse> mismatches(ServerRequest request) {
        String id = request.pathVariable("id");
        if (routes.current().config().route(id).isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "no route with id '" + id + "'");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("route", id);
        body.put("mismatches", mismatches.recent(id));
        return ok(body);
    }

    private @Nullable Object reloadError() {
        RoutesManager.ReloadError error = routes.lastError();
        if (error == null) {
            return null;
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("at", error.at().toString());
        e.put("file", error.file().toString());
        e.put(
                "problems",
                error.problems().stream()
                        .map(p -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("line", p.line());
                            m.put("field", p.field());
                            m.put("reason", p.reason());
                            return m;
                        })
                        .toList());
        return e;
    }

    private static Map<String, Object> backend(BackendTarget target) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("uri", target.uri().toString());
        b.put("timeout", target.timeout() == null ? null : target.timeout().toString());
        b.put("connectTimeout", target.connectTimeout().toString());
        return b;
    }

    private static Map<String, Object> describe(RouteSpec route) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", route.id());
        r.put("service", route.service());
        r.put("paths", route.paths());
        r.put("methods", route.methods());
        r.put("stage", route.stage().name());
        r.put("percent", route.percent());
        r.put("stickyBy", route.stickyBy() == null ? null : route.stickyBy().toString());
        r.put("fallbackToLegacy", route.fallbackToLegacy());
        r.put("order", route.order());
        Map<String, Object> shadow = new LinkedHashMap<>();
        shadow.put(
                "ignore", route.shadow().ignore().stream().map(Object::toString).toList());
        shadow.put("samplePercent", route.shadow().samplePercent());
        shadow.put("allowUnsafe", route.shadow().allowUnsafe());
        shadow.put("compareHeaders", route.shadow().compareHeaders());
        r.put("shadow", shadow);
        return r;
    }

    private Mono<ServerResponse> ok(Object body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(json.writeValueAsString(body));
    }

    private static Mono<ServerResponse> methodNotAllowed(HttpMethod allowed) {
        return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
                .allow(allowed)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(ProblemResponses.json(
                        HttpStatus.METHOD_NOT_ALLOWED, "only " + allowed.name() + " is allowed here"));
    }

    private static Mono<ServerResponse> problem(HttpStatus status, String detail) {
        ServerResponse.BodyBuilder builder =
                ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"banyan-admin\"");
        }
        return builder.bodyValue(ProblemResponses.json(status, detail));
    }
}
