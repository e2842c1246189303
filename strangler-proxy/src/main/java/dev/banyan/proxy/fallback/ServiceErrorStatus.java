package dev.banyan.proxy.fallback;

/** Signals that a service answered with a 5xx status, so the circuit breaker counts it and fallback can act. */
public final class ServiceErrorStatus extends RuntimeException {

    private final int status;

    public ServiceErrorStatus(int status) {
        super("service answered " + status, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
