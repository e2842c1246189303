package dev.banyan.delivery.application;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether the event route {@code delivery} is in stage SHADOW, as far as this service knows: property
 * {@code banyan.delivery.shadow} (default false). The service never asks the monolith; whoever moves the route sets
 * it here.
 */
@Component
public class ShadowMode {

    private final AtomicBoolean enabled;

    ShadowMode(@Value("${banyan.delivery.shadow:false}") boolean enabled) {
        this.enabled = new AtomicBoolean(enabled);
    }

    public boolean enabled() {
        return enabled.get();
    }

    public void set(boolean shadow) {
        enabled.set(shadow);
    }
}
