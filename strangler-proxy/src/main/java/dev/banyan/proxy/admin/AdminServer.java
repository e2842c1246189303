package dev.banyan.proxy.admin;

import dev.banyan.proxy.edge.ClientTimeouts;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RouterFunctions;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Serves the admin API on its own port, apart from proxied traffic, so it can be firewalled separately and is never
 * reachable through the public port.
 */
public class AdminServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AdminServer.class);

    private final AdminApi api;

    private final String address;

    private final int port;

    private final ClientTimeouts timeouts;

    private volatile @Nullable DisposableServer server;

    public AdminServer(AdminApi api, String address, int port, ClientTimeouts timeouts) {
        this.api = api;
        this.timeouts = timeouts;
        this.address = address;
        this.port = port;
    }

    @Override
    public void start() {
        ReactorHttpHandlerAdapter adapter = new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(api.router()));
        server = timeouts.apply(HttpServer.create())
                .host(address)
                .port(port)
                .handle(adapter)
                .bindNow();
        log.info("Admin API listening on {}:{}", address, server.port());
    }

    /** The bound port (useful when configured as 0). */
    public int port() {
        return server == null ? -1 : server.port();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.disposeNow();
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }
}
