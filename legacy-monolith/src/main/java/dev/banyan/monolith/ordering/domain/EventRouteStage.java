package dev.banyan.monolith.ordering.domain;

/**
 * The stage of an event route, like the stages of an HTTP route: LEGACY (the monolith handles the events), SHADOW
 * (the monolith still handles them; the service decides in a sandbox) and MIGRATED (the service handles them).
 */
public enum EventRouteStage {
    LEGACY,
    SHADOW,
    MIGRATED
}
