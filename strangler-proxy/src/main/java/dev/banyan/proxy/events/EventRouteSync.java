package dev.banyan.proxy.events;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.banyan.proxy.config.EventRouteSpec;
import dev.banyan.proxy.config.Stage;
import dev.banyan.proxy.reload.RoutesManager;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the legacy application's event-route switches at the stage the routes file gives them. The file is the
 * source of truth, as for HTTP routes: a changed stage is sent with {@code PUT {"stage": …}} to the route's switch
 * (bearer token {@code banyan.event-routes.token}); a switch that fails or is unreachable is retried with backoff,
 * and a switch that is in line is read back now and then, so a legacy restart or restore that lost the stage is put
 * right. One thread, a few requests a minute: the JDK's HTTP client is enough.
 */
public class EventRouteSync implements AutoCloseable {

    /** What the proxy knows about one event route's switch. */
    public record Status(
            String id,
            URI switchUri,
            Stage stage,
            @Nullable Stage confirmedStage,
            @Nullable Instant confirmedAt,
            @Nullable String lastError,
            @Nullable Instant lastAttemptAt) {

        public boolean inSync() {
            return stage == confirmedStage;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(EventRouteSync.class);

    private static final Duration FIRST_RETRY = Duration.ofMillis(250);

    private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private record State(
            @Nullable Stage confirmed,
            @Nullable Instant confirmedAt,
            @Nullable String error,
            @Nullable Instant attemptAt,
            Instant nextAttemptAt,
            int failures) {

        static State initial(Instant now) {
            return new State(null, null, null, null, now, 0);
        }
    }

    private final RoutesManager routes;

    private final @Nullable String token;

    private final Duration recheckInterval;

    private final HttpClient http;

    private final Clock clock;

    private final JsonMapper json = JsonMapper.builder().build();

    private final Map<String, State> states = new ConcurrentHashMap<>();

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "banyan-event-routes");
        thread.setDaemon(true);
        return thread;
    });

    public EventRouteSync(
            RoutesManager routes,
            @Nullable String token,
            Duration recheckInterval,
            MeterRegistry registry,
            Clock clock) {
        this.routes = routes;
        this.token = token == null || token.isBlank() ? null : token.trim();
        this.recheckInterval = recheckInterval;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        Gauge.builder(
                        "banyan.event.routes.out.of.sync",
                        this,
                        sync -> sync.statuses().stream()
                                .filter(s -> !s.inSync())
                                .count())
                .description("event routes whose switch does not (yet) confirm the stage of the routes file")
                .register(registry);
    }

    /** Starts checking every {@code interval}; the first check runs at once. */
    public EventRouteSync start(Duration interval) {
        timer.scheduleWithFixedDelay(this::syncQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** The routes file's event routes with what their switches last confirmed, in file order. */
    public List<Status> statuses() {
        List<Status> result = new ArrayList<>();
        for (EventRouteSpec route : routes.current().config().eventRoutes()) {
            State state = states.getOrDefault(route.id(), State.initial(clock.instant()));
            result.add(new Status(
                    route.id(),
                    route.switchUri(),
                    route.stage(),
                    state.confirmed(),
                    state.confirmedAt(),
                    state.error(),
                    state.attemptAt()));
        }
        return result;
    }

    public Optional<Status> status(String id) {
        return statuses().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * Syncs now and then waits, up to {@code timeout}, for the switch to confirm the route's stage in the file.
     * @return the route's status at the end
     */
    public Optional<Status> syncAndAwait(String id, Duration timeout) throws InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        states.computeIfPresent(
                id,
                (key, state) -> new State(
                        state.confirmed(), state.confirmedAt(), state.error(), state.attemptAt(), clock.instant(), 0));
        while (true) {
            syncOnce();
            Optional<Status> status = status(id);
            if (status.isEmpty() || status.get().inSync() || !clock.instant().isBefore(deadline)) {
                return status;
            }
            Thread.sleep(50);
        }
    }

    /** One pass over the event routes: every route that is due is pushed or read back. */
    public synchronized void syncOnce() {
        List<EventRouteSpec> current = routes.current().config().eventRoutes();
        states.keySet().retainAll(current.stream().map(EventRouteSpec::id).toList());
        for (EventRouteSpec route : current) {
            State state = states.computeIfAbsent(route.id(), id -> State.initial(clock.instant()));
            Instant now = clock.instant();
            boolean changed = state.confirmed() != route.stage();
            if (!changed && now.isBefore(state.confirmedAt().plus(recheckInterval))) {
                continue;
            }
            if (changed && now.isBefore(state.nextAttemptAt())) {
                continue;
            }
            states.put(route.id(), changed ? push(route, state, now) : readBack(route, state, now));
        }
    }

    private State push(EventRouteSpec route, State state, Instant now) {
        if (token == null) {
            return failed(route, state, now, "banyan.event-routes.token is not set, so the switch cannot be told");
        }
        HttpRequest request = request(route)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"stage\":\"" + route.stage().name() + "\"}"))
                .build();
        return exchange(route, state, now, request);
    }

    private State readBack(EventRouteSpec route, State state, Instant now) {
        if (token == null) {
            return failed(route, state, now, "banyan.event-routes.token is not set, so the switch cannot be read");
        }
        State read = exchange(route, state, now, request(route).GET().build());
        if (read.confirmed() != route.stage() && read.error() == null) {
            log.warn(
                    "Event route {}: the switch at {} reports stage {}, the routes file says {}; setting it again",
                    route.id(),
                    route.switchUri(),
                    read.confirmed(),
                    route.stage());
            return push(route, read, now);
        }
        return read;
    }

    private HttpRequest.Builder request(EventRouteSpec route) {
        return HttpRequest.newBuilder(route.switchUri())
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Bearer " + token);
    }

    private State exchange(EventRouteSpec route, State state, Instant now, HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return failed(route, state, now, "switch unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return state;
        }
        if (response.statusCode() != 200) {
            return failed(
                    route,
                    state,
                    now,
                    request.method() + " answered " + response.statusCode() + ": " + detail(response.body()));
        }
        Stage reported = reportedStage(response.body());
        if (reported == null) {
            return failed(route, state, now, "the switch's answer names no stage: " + abbreviate(response.body()));
        }
        if (state.error() != null || state.confirmed() != reported) {
            log.info("Event route {}: the switch at {} confirms stage {}", route.id(), route.switchUri(), reported);
        }
        return new State(reported, now, null, now, now, 0);
    }

    private State failed(EventRouteSpec route, State state, Instant now, String error) {
        int failures = state.failures() + 1;
        long delay = Math.min(LONGEST_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(failures - 1, 10));
        if (!error.equals(state.error())) {
            log.warn(
                    "Event route {}: cannot set stage {} at {}: {} (retrying with backoff)",
                    route.id(),
                    route.stage(),
                    route.switchUri(),
                    error);
        }
        return new State(state.confirmed(), state.confirmedAt(), error, now, now.plusMillis(delay), failures);
    }

    private @Nullable Stage reportedStage(String body) {
        try {
            JsonNode node = json.readTree(body);
            JsonNode stage = node == null ? null : node.get("stage");
            return stage == null || !stage.isString()
                    ? null
                    : Stage.parse(stage.asString()).orElse(null);
        } catch (JacksonException e) {
            return null;
        }
    }

    private String detail(String body) {
        try {
            JsonNode node = json.readTree(body);
            JsonNode detail = node == null ? null : node.get("detail");
            if (detail != null && detail.isString()) {
                return detail.asString();
            }
        } catch (JacksonException e) {
            // not a problem document: show the start of the body
        }
        return abbreviate(body);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private void syncQuietly() {
        try {
            syncOnce();
        } catch (RuntimeException e) {
            log.error("Event route sync failed; it runs again shortly", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
