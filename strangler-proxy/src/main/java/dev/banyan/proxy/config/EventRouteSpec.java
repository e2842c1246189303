package dev.banyan.proxy.config;

import java.net.URI;
import java.util.EnumSet;
import java.util.Set;

/**
 * An event route: which side handles a context's events for newly accepted work, moved through the same stages as an
 * HTTP route. The proxy does not carry events; it tells the legacy application's switch ({@code switchUri}) the stage,
 * and the legacy application stamps each new order with its handler in the order's own transaction.
 *
 * @param id the route's id, unique among event routes
 * @param switchUri the legacy application's switch endpoint, e.g. {@code http://localhost:8081/internal/event-routes/delivery}
 * @param stage LEGACY (legacy handles), SHADOW (legacy handles, the service decides in a sandbox) or MIGRATED
 * @param line where the route starts in the routes file
 */
public record EventRouteSpec(String id, URI switchUri, Stage stage, int line) {

    /** CANARY has no meaning for events: ownership moves for all new orders at once. */
    public static final Set<Stage> STAGES = EnumSet.of(Stage.LEGACY, Stage.SHADOW, Stage.MIGRATED);
}
