package dev.banyan.proxy.fallback;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Why a call to a service failed, and whether the request provably never reached it. Only requests that never
 * reached the service may be replayed when their method is unsafe: a write must never happen twice.
 */
public enum FailureKind {

    /** The circuit breaker refused the call: nothing was sent. */
    CIRCUIT_OPEN("circuit-open", true, HttpStatus.SERVICE_UNAVAILABLE),
    /** No connection could be made (refused, unknown host, connect timeout): nothing was sent. */
    CONNECT_FAILED("connect-failed", true, HttpStatus.BAD_GATEWAY),
    /** No response in time; the service may have acted on the request. */
    TIMEOUT("timeout", false, HttpStatus.GATEWAY_TIMEOUT),
    /** The service answered 5xx. */
    SERVER_ERROR("server-error", false, HttpStatus.BAD_GATEWAY),
    /** The connection broke after the request was (perhaps) sent: reset, premature close. */
    CONNECTION_BROKEN("connection-broken", false, HttpStatus.BAD_GATEWAY),
    /** The client's body is over the limit: the client's fault, never replayed. */
    BODY_TOO_LARGE("body-too-large", false, HttpStatus.CONTENT_TOO_LARGE);

    private final String tag;

    private final boolean neverReachedService;

    private final HttpStatus status;

    FailureKind(String tag, boolean neverReachedService, HttpStatus status) {
        this.tag = tag;
        this.neverReachedService = neverReachedService;
        this.status = status;
    }

    public String tag() {
        return tag;
    }

    public boolean neverReachedService() {
        return neverReachedService;
    }

    /** The status the client gets when there is no fallback. */
    public HttpStatus status() {
        return status;
    }

    /** What the client is told when there is no fallback. */
    public String describe(String backend) {
        return switch (this) {
            case CIRCUIT_OPEN -> "Service '" + backend + "' is unavailable: its circuit is open";
            case CONNECT_FAILED -> "Backend '" + backend + "' could not be reached";
            case TIMEOUT -> "Backend '" + backend + "' did not answer in time";
            case SERVER_ERROR -> "Backend '" + backend + "' answered with a server error";
            case CONNECTION_BROKEN -> "The connection to backend '" + backend + "' broke before it answered";
            case BODY_TOO_LARGE -> "Request body is over the size limit";
        };
    }

    public static FailureKind of(Throwable error) {
        if (error instanceof ServiceErrorStatus) {
            return SERVER_ERROR;
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof CallNotPermittedException) {
                return CIRCUIT_OPEN;
            }
            if (t instanceof ConnectException
                    || t instanceof ConnectTimeoutException
                    || t instanceof UnknownHostException
                    || t instanceof UnresolvedAddressException) {
                return CONNECT_FAILED;
            }
            if (t instanceof TimeoutException || t instanceof ReadTimeoutException) {
                return TIMEOUT;
            }
            if (t instanceof ResponseStatusException rse) {
                if (rse.getStatusCode().value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
                    return BODY_TOO_LARGE;
                }
                if (rse.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
                    return TIMEOUT;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return CONNECTION_BROKEN;
    }
}
