package dev.banyan.monolith.ordering.domain;

import java.time.Instant;

/** An event route and the stage it is in since {@code changedAt}. */
public record EventRoute(String name, EventRouteStage stage, Instant changedAt) {

    /** The route that decides who handles the delivery of orders accepted from now on. */
    public static final String DELIVERY = "delivery";
}
