package dev.banyan.proxy;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Settings of the proxy itself. Routes live in the routes file, not here. */
@ConfigurationProperties("banyan")
public class BanyanProperties {

    /** The routes file ({@code --banyan.routes=PATH}). */
    private Path routes = Path.of("routes.yml");

    /** How often the routes file is checked for changes. */
    private Duration reloadInterval = Duration.ofMillis(500);

    /** Largest request body accepted; larger ones get 413. */
    private DataSize maxBodySize = DataSize.ofMegabytes(10);

    /**
     * Longest a client may take from the first byte of a request to the end of its headers; the connection is closed
     * then (slow-header clients).
     */
    private Duration requestHeaderTimeout = Duration.ofSeconds(20);

    /**
     * Longest a client may take to send a request body once its headers are in; the connection is closed then, and
     * a backend call the body was streaming to is aborted.
     */
    private Duration requestBodyTimeout = Duration.ofSeconds(60);

    /**
     * Most bytes of request bodies held in memory at once, over all requests (bodies are held for routes with
     * fallback or shadow). A request that would go over it gets 503 with Retry-After. Unset: a quarter of the heap.
     */
    private DataSize maxBufferedBodies;

    /** Header that carries the correlation id to the backends and back to the client. */
    private String correlationHeader = "X-Correlation-Id";

    private final Admin admin = new Admin();

    private final Shadow shadow = new Shadow();

    private final CircuitBreaker circuitBreaker = new CircuitBreaker();

    private final EventRoutes eventRoutes = new EventRoutes();

    /** How the proxy keeps the legacy application's event-route switches at the routes file's stages. */
    public static class EventRoutes {

        /** Bearer token the legacy switches expect; set it from BANYAN_EVENT_ROUTES_TOKEN. */
        private String token;

        /** How often event routes are checked; a changed stage is sent within this time. */
        private Duration checkInterval = Duration.ofMillis(500);

        /** How often a switch that confirmed its stage is read back, to catch a legacy restart or restore. */
        private Duration recheckInterval = Duration.ofSeconds(10);

        /** How long an admin API change waits for the switch to confirm before it answers 202. */
        private Duration confirmTimeout = Duration.ofSeconds(5);

        public String getToken() {
            return token;
        }

        public void setToken(String token) {
            this.token = token;
        }

        public Duration getCheckInterval() {
            return checkInterval;
        }

        public void setCheckInterval(Duration checkInterval) {
            this.checkInterval = checkInterval;
        }

        public Duration getRecheckInterval() {
            return recheckInterval;
        }

        public void setRecheckInterval(Duration recheckInterval) {
            this.recheckInterval = recheckInterval;
        }

        public Duration getConfirmTimeout() {
            return confirmTimeout;
        }

        public void setConfirmTimeout(Duration confirmTimeout) {
            this.confirmTimeout = confirmTimeout;
        }
    }

    public static class Admin {

        /** Bearer token of the admin API; without one the admin API stays off. Set it from BANYAN_ADMIN_TOKEN. */
        private String token;

        /** Port of the admin API. */
        private int port = 8089;

        /** Address the admin API binds to. */
        private String address = "127.0.0.1";

        public String getToken() {
            return token;
        }

        public void setToken(String token) {
            this.token = token;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            this.address = address;
        }
    }

    public static class Shadow {

        /** Shadow copies in flight at once; more are dropped (and counted) so they cannot exhaust memory. */
        private int maxInFlight = 64;

        /** Largest body kept per side for a comparison; longer bodies are compared by their first bytes only. */
        private DataSize maxBodySize = DataSize.ofKilobytes(256);

        /** Mismatches kept per route for the admin API. */
        private int keepMismatches = 20;

        public int getMaxInFlight() {
            return maxInFlight;
        }

        public void setMaxInFlight(int maxInFlight) {
            this.maxInFlight = maxInFlight;
        }

        public DataSize getMaxBodySize() {
            return maxBodySize;
        }

        public void setMaxBodySize(DataSize maxBodySize) {
            this.maxBodySize = maxBodySize;
        }

        public int getKeepMismatches() {
            return keepMismatches;
        }

        public void setKeepMismatches(int keepMismatches) {
            this.keepMismatches = keepMismatches;
        }
    }

    public static class CircuitBreaker {

        /** Failure rate in percent at which a service's circuit opens. */
        private float failureRateThreshold = 50;

        /** Calls in the sliding window. */
        private int slidingWindowSize = 20;

        /** Calls needed before the failure rate is judged. */
        private int minimumNumberOfCalls = 10;

        /** How long an open circuit stays open before trying again. */
        private Duration waitInOpenState = Duration.ofSeconds(10);

        /** Trial calls while half open. */
        private int permittedCallsInHalfOpenState = 3;

        public float getFailureRateThreshold() {
            return failureRateThreshold;
        }

        public void setFailureRateThreshold(float failureRateThreshold) {
            this.failureRateThreshold = failureRateThreshold;
        }

        public int getSlidingWindowSize() {
            return slidingWindowSize;
        }

        public void setSlidingWindowSize(int slidingWindowSize) {
            this.slidingWindowSize = slidingWindowSize;
        }

        public int getMinimumNumberOfCalls() {
            return minimumNumberOfCalls;
        }

        public void setMinimumNumberOfCalls(int minimumNumberOfCalls) {
            this.minimumNumberOfCalls = minimumNumberOfCalls;
        }

        public Duration getWaitInOpenState() {
            return waitInOpenState;
        }

        public void setWaitInOpenState(Duration waitInOpenState) {
            this.waitInOpenState = waitInOpenState;
        }

        public int getPermittedCallsInHalfOpenState() {
            return permittedCallsInHalfOpenState;
        }

        public void setPermittedCallsInHalfOpenState(int permittedCallsInHalfOpenState) {
            this.permittedCallsInHalfOpenState = permittedCallsInHalfOpenState;
        }
    }

    public Path getRoutes() {
        return routes;
    }

    public void setRoutes(Path routes) {
        this.routes = routes;
    }

    public Duration getReloadInterval() {
        return reloadInterval;
    }

    public void setReloadInterval(Duration reloadInterval) {
        this.reloadInterval = reloadInterval;
    }

    public DataSize getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(DataSize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public Duration getRequestHeaderTimeout() {
        return requestHeaderTimeout;
    }

    public void setRequestHeaderTimeout(Duration requestHeaderTimeout) {
        this.requestHeaderTimeout = requestHeaderTimeout;
    }

    public Duration getRequestBodyTimeout() {
        return requestBodyTimeout;
    }

    public void setRequestBodyTimeout(Duration requestBodyTimeout) {
        this.requestBodyTimeout = requestBodyTimeout;
    }

    public DataSize getMaxBufferedBodies() {
        return maxBufferedBodies;
    }

    public void setMaxBufferedBodies(DataSize maxBufferedBodies) {
        this.maxBufferedBodies = maxBufferedBodies;
    }

    public String getCorrelationHeader() {
        return correlationHeader;
    }

    public void setCorrelationHeader(String correlationHeader) {
        this.correlationHeader = correlationHeader;
    }

    public Admin getAdmin() {
        return admin;
    }

    public Shadow getShadow() {
        return shadow;
    }

    public EventRoutes getEventRoutes() {
        return eventRoutes;
    }

    public CircuitBreaker getCircuitBreaker() {
        return circuitBreaker;
    }
}
