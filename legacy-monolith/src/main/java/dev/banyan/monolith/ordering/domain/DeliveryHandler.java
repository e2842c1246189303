package dev.banyan.monolith.ordering.domain;

import java.util.Arrays;

/**
 * Which side handles an order's delivery, stamped on the order when it is accepted and never changed afterwards. The
 * stamp travels with every order event as the Kafka header {@code handler}.
 */
public enum DeliveryHandler {
    /** The monolith's delivery context, reached in-process through Spring Modulith events. */
    MONOLITH("monolith"),
    /** The extracted delivery-service, reached only through the outbox and Kafka. */
    DELIVERY_SERVICE("delivery-service");

    private final String value;

    DeliveryHandler(String value) {
        this.value = value;
    }

    /** The stamp as stored and sent: {@code monolith} or {@code delivery-service}. */
    public String value() {
        return value;
    }

    public static DeliveryHandler of(String value) {
        return Arrays.stream(values())
                .filter(handler -> handler.value.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown delivery handler " + value));
    }

    /** LEGACY and SHADOW keep the delivery in the monolith (SHADOW only lets the service decide in a sandbox). */
    public static DeliveryHandler forStage(EventRouteStage stage) {
        return stage == EventRouteStage.MIGRATED ? DELIVERY_SERVICE : MONOLITH;
    }
}
