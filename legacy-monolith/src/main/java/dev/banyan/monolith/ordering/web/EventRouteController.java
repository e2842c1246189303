package dev.banyan.monolith.ordering.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

import dev.banyan.http.request.JsonRequest;
import dev.banyan.monolith.ordering.domain.EventRoute;
import dev.banyan.monolith.ordering.domain.EventRouteService;
import dev.banyan.monolith.ordering.domain.EventRouteStage;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The event routes' admin API, the cutover switch of event ownership: {@code GET} the stage of a route,
 * {@code PUT {"stage":"MIGRATED"}} to move it. Guarded by {@link EventRouteAccess}.
 */
@RestController
@RequestMapping(path = "/internal/event-routes/{name}", produces = "application/json")
class EventRouteController {

    private static final String STAGES =
            Arrays.stream(EventRouteStage.values()).map(Enum::name).collect(Collectors.joining(", "));

    private final EventRouteService routes;

    EventRouteController(EventRouteService routes) {
        this.routes = routes;
    }

    @GetMapping
    EventRouteView route(@PathVariable String name) {
        return EventRouteView.of(routes.route(name));
    }

    @PutMapping(consumes = "application/json")
    EventRouteView switchTo(@PathVariable String name, @RequestBody JsonNode json) {
        EventRouteStage stage = JsonRequest.read(json, EventRouteController::stage);
        return EventRouteView.of(routes.switchTo(name, stage));
    }

    private static EventRouteStage stage(JsonRequest body) {
        String stage = body.requiredText("stage");
        if (stage == null) {
            return null;
        }
        try {
            return EventRouteStage.valueOf(stage);
        } catch (IllegalArgumentException e) {
            body.reject("stage", "must be one of " + STAGES);
            return null;
        }
    }

    @JsonPropertyOrder({"name", "stage", "changedAt"})
    record EventRouteView(String name, String stage, Instant changedAt) {
        static EventRouteView of(EventRoute route) {
            return new EventRouteView(route.name(), route.stage().name(), route.changedAt());
        }
    }
}
