package dev.banyan.proxy.exchange;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.netty.Connection;

/**
 * The one home of the proxy's exchange attributes, response headers and the helpers that several filters share, as
 * Spring Cloud Gateway's {@link ServerWebExchangeUtils} is for the gateway. The filters that write an attribute and
 * those that read it meet here instead of importing each other, so this class depends on no other proxy package.
 */
public final class BanyanExchangeUtils {

    /** Response header naming the backend that really answered (after a fallback too). */
    public static final String BACKEND_HEADER = "X-Banyan-Backend";

    /** Response header naming the route id ({@code default} for unmatched requests). */
    public static final String ROUTE_HEADER = "X-Banyan-Route";

    /** Exchange attribute: the correlation id, a {@link String}. */
    public static final String CORRELATION_ID_ATTR = "banyan.correlationId";

    /** Exchange attribute: the routing decision ({@code routing.RoutingDecision}). */
    public static final String DECISION_ATTR = "banyan.decision";

    /** Exchange attribute: the backend ({@code routing.Backend}) that actually answers; changes on fallback. */
    public static final String BACKEND_ATTR = "banyan.backend";

    /**
     * Exchange attribute: the budget reservation ({@code fallback.BodyBudget.Reservation}) of a buffered body,
     * given back when the exchange ends.
     */
    public static final String BODY_RESERVATION_ATTR = "banyan.bodyReservation";

    /** Gateway route metadata: the backend's response timeout, a {@code Duration}, enforced by the HTTP client. */
    public static final String RESPONSE_TIMEOUT_ATTR = "banyan.response-timeout";

    private BanyanExchangeUtils() {}

    /** The exchange's correlation id, or {@code null} before the request guard has run. */
    public static String correlationId(ServerWebExchange exchange) {
        return exchange.getAttribute(CORRELATION_ID_ATTR);
    }

    /**
     * Drops whatever a failed backend call left on the exchange: its connection, status and headers, so that a
     * replay or a problem response starts from a clean response.
     */
    public static void discardBackendAnswer(ServerWebExchange exchange) {
        Connection connection = exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR);
        if (connection != null) {
            connection.dispose();
        }
        exchange.getAttributes().remove(ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR);
        exchange.getAttributes().remove(ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR);
        exchange.getAttributes().remove(ServerWebExchangeUtils.CLIENT_RESPONSE_HEADER_NAMES);
        ServerHttpResponse response = exchange.getResponse();
        if (!response.isCommitted()) {
            response.getHeaders().clear();
            response.setStatusCode(null);
        }
    }
}
