package dev.banyan.proxy.routing;

import dev.banyan.proxy.config.BackendTarget;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;

/**
 * A backend as Spring Cloud Gateway sees it: a {@link Route} whose URI and timeouts are used by the gateway's own
 * {@code RouteToRequestUrlFilter} and {@code NettyRoutingFilter} once the Banyan filter has chosen it.
 */
public record Backend(BackendTarget target, Route gatewayRoute) {

    public static Backend of(BackendTarget target) {
        Route.AsyncBuilder builder = Route.async()
                .id("banyan-" + target.name())
                .uri(target.uri())
                .predicate(exchange -> true)
                .metadata(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, (int) target.connectTimeout().toMillis());
        if (target.timeout() != null) {
            builder.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, target.timeout().toMillis());
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
