package dev.banyan.proxy.routing;

import dev.banyan.proxy.config.BackendTarget;
import dev.banyan.proxy.exchange.BanyanExchangeUtils;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;

/**
 * A backend as Spring Cloud Gateway sees it: a {@link Route} whose URI and timeouts are used by the gateway's own
 * {@code RouteToRequestUrlFilter} and by the backend routing filter once the Banyan filter has chosen it.
 */
public record Backend(BackendTarget target, Route gatewayRoute) {

    public static Backend of(BackendTarget target) {
        Route.AsyncBuilder builder = Route.async()
                .id("banyan-" + target.name())
                .uri(target.uri())
                .predicate(exchange -> true)
                .metadata(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, (int)
                        target.connectTimeout().toMillis());
        if (target.timeout() != null) {
            // Enforced by the backend's HTTP client (a read timeout on the connection), so the gateway's own
            // per-request Reactor timer is switched off for this route.
            builder.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, -1L)
                    .metadata(BanyanExchangeUtils.RESPONSE_TIMEOUT_ATTR, target.timeout());
        }
        return new Backend(target, builder.build());
    }

    public String name() {
        return target.name();
    }

    public boolean isLegacy() {
        return target.isLegacy();
    }
}
