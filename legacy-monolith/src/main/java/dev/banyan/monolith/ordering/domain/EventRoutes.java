package dev.banyan.monolith.ordering.domain;

import java.time.Instant;
import java.util.Optional;

/** The event routes' current stages, stored in the ordering schema. */
public interface EventRoutes {

    Optional<EventRoute> find(String name);

    /**
     * The route's stage, read with a shared row lock held until the caller's transaction ends: a switch of the route
     * waits for the acceptances that read the old stage, and acceptances after the switch read the new one.
     */
    EventRouteStage lockStage(String name);

    /** Moves the route to {@code stage} (committed with the caller's transaction); returns the route as stored. */
    EventRoute switchTo(String name, EventRouteStage stage, Instant now);
}
