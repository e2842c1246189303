package dev.banyan.proxy.config;

import java.net.URI;
import java.time.Duration;

/**
 * A backend the proxy may call: legacy or one extracted service. These URIs are the only hosts the proxy ever
 * talks to.
 *
 * @param name           {@code legacy} or the service name
 * @param uri            scheme, host and port, without path
 * @param timeout        response timeout, or {@code null} for none
 * @param connectTimeout connect timeout
 */
public record BackendTarget(String name, URI uri, Duration timeout, Duration connectTimeout) {

    public static final String LEGACY = "legacy";

    public boolean isLegacy() {
        return LEGACY.equals(name);
    }
}
