package dev.banyan.monolith.ordering.domain;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import dev.banyan.monolith.shared.NotFoundException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and switches event routes. A switch waits for the acceptances in flight (they hold the route's row with a
 * shared lock) and every acceptance after it reads the new stage, so each order is stamped by exactly one stage.
 */
@Service
public class EventRouteService {

    private static final Logger log = LoggerFactory.getLogger(EventRouteService.class);

    private final EventRoutes routes;
    private final Clock clock;

    EventRouteService(EventRoutes routes, Clock clock) {
        this.routes = routes;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public EventRoute route(String name) {
        return routes.find(name).orElseThrow(() -> new NotFoundException("Event route " + name + " not found"));
    }

    @Transactional
    public EventRoute switchTo(String name, EventRouteStage stage) {
        EventRoute before = route(name);
        EventRoute after = routes.switchTo(name, stage, clock.instant().truncatedTo(ChronoUnit.MICROS));
        log.info("Event route {}: {} -> {}", name, before.stage(), after.stage());
        return after;
    }
}
