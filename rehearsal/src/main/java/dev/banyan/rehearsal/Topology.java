package dev.banyan.rehearsal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.banyan.embedded.EmbeddedPostgresServer;

import org.jspecify.annotations.Nullable;

/**
 * The running system: two embedded PostgreSQL servers, the monolith, the catalog-service, the strangler-proxy and
 * the cdc-bridge, each in its own process, as independently deployable parts would be.
 */
final class Topology implements AutoCloseable {

    static final String MONOLITH_JAR = "legacy-monolith/target/legacy-monolith.jar";
    static final String CATALOG_JAR = "extracted-services/catalog-service/target/catalog-service.jar";
    static final String PROXY_JAR = "strangler-proxy/target/strangler-proxy.jar";
    static final String BRIDGE_JAR = "cdc-bridge/target/cdc-bridge.jar";

    static final String MONOLITH_DB = "monolith";
    static final String CATALOG_DB = "catalog";

    private final RehearsalOptions options;
    private final Ports ports;
    private final Path runDir;
    private final String adminToken = UUID.randomUUID().toString();
    private final List<AutoCloseable> started = new ArrayList<>();
    private EmbeddedPostgresServer monolithDb;
    private EmbeddedPostgresServer catalogDb;
    private @Nullable ComponentProcess bridge;
    private Path routesFile;
    private int verifications;

    Topology(RehearsalOptions options, Ports ports, Path runDir) {
        this.options = options;
        this.ports = ports;
        this.runDir = runDir;
    }

    Path runDir() {
        return runDir;
    }

    Path routesFile() {
        return routesFile;
    }

    String adminToken() {
        return adminToken;
    }

    URI proxy() {
        return URI.create("http://localhost:" + ports.proxy());
    }

    URI proxyAdmin() {
        return URI.create("http://localhost:" + ports.proxyAdmin());
    }

    URI monolith() {
        return URI.create("http://localhost:" + ports.monolith());
    }

    URI catalogService() {
        return URI.create("http://localhost:" + ports.catalogService());
    }

    URI cdcBridge() {
        return URI.create("http://localhost:" + ports.cdcBridge());
    }

    EmbeddedPostgresServer monolithDb() {
        return monolithDb;
    }

    EmbeddedPostgresServer catalogDb() {
        return catalogDb;
    }

    /** The component jars that {@code home} lacks, relative to it; empty when every one is built. */
    static List<String> missingJars(Path home) {
        return List.of(MONOLITH_JAR, CATALOG_JAR, PROXY_JAR, BRIDGE_JAR).stream()
                .filter(jar -> !Files.isRegularFile(home.resolve(jar)))
                .toList();
    }

    void start(Progress progress) throws Exception {
        progress.line("Starting embedded PostgreSQL for the monolith (port " + ports.monolithDb()
                + ") and the catalog-service (port " + ports.catalogDb() + ")");
        monolithDb = remember(EmbeddedPostgresServer.start(runDir.resolve("monolith-db"), ports.monolithDb(), false));
        monolithDb.ensureDatabase(MONOLITH_DB);
        catalogDb = remember(EmbeddedPostgresServer.start(runDir.resolve("catalog-db"), ports.catalogDb(), false));
        catalogDb.ensureDatabase(CATALOG_DB);

        ComponentProcess monolith = launch(
                "legacy-monolith",
                MONOLITH_JAR,
                List.of(
                        "--server.port=" + ports.monolith(),
                        "--spring.datasource.url=" + monolithDb.jdbcUrl(MONOLITH_DB),
                        "--spring.datasource.username=" + EmbeddedPostgresServer.USER),
                Map.of(),
                URI.create(monolith() + "/actuator/health/readiness"),
                "384m");
        ComponentProcess catalog = launch(
                "catalog-service",
                CATALOG_JAR,
                List.of(
                        "--server.port=" + ports.catalogService(),
                        "--spring.datasource.url=" + catalogDb.jdbcUrl(CATALOG_DB),
                        "--spring.datasource.username=" + EmbeddedPostgresServer.USER),
                Map.of(),
                URI.create(catalogService() + "/actuator/health/readiness"),
                "256m");

        routesFile = runDir.resolve("routes.yml");
        Files.writeString(routesFile, RoutesFile.initial(monolith(), catalogService()));
        ComponentProcess proxy = launch(
                "strangler-proxy",
                PROXY_JAR,
                List.of(
                        "--server.port=" + ports.proxy(),
                        "--banyan.routes=" + routesFile,
                        "--banyan.admin.port=" + ports.proxyAdmin()),
                Map.of("BANYAN_ADMIN_TOKEN", adminToken),
                URI.create(proxy() + "/actuator/health"),
                "256m");

        for (ComponentProcess component : List.of(monolith, catalog, proxy)) {
            component.awaitHealthy(Duration.ofMinutes(3), progress);
            progress.line("  " + component.name() + " is healthy");
        }
    }

    /** Starts (or restarts) the cdc-bridge on the given pipeline file. */
    void runBridge(Path config, Progress progress) throws Exception {
        stopBridge();
        bridge = launch(
                "cdc-bridge",
                BRIDGE_JAR,
                List.of("run", "--config", config.toString(), "--server.port=" + ports.cdcBridge()),
                Map.of(),
                URI.create(cdcBridge() + "/actuator/health"),
                "512m");
        bridge.awaitHealthy(Duration.ofMinutes(2), progress);
    }

    void stopBridge() {
        if (bridge != null) {
            bridge.close();
            started.remove(bridge);
            bridge = null;
        }
    }

    /** Runs {@code cdc-bridge verify}; its exit code says in sync (0), drift (1) or error (2). */
    CommandResult verify(Path config) throws Exception {
        Path jar = options.home().resolve(BRIDGE_JAR);
        ComponentProcess verify = ComponentProcess.start(
                "cdc-verify-" + (++verifications),
                jar,
                List.of("verify", "--config", config.toString()),
                Map.of(),
                runDir.resolve("logs"),
                null,
                "256m");
        int exit = verify.awaitExit(Duration.ofMinutes(3));
        return new CommandResult(exit, Files.readString(verify.log()));
    }

    private ComponentProcess launch(
            String name, String jar, List<String> args, Map<String, String> env, URI health, String heap)
            throws IOException {
        return remember(ComponentProcess.start(
                name, options.home().resolve(jar), args, env, runDir.resolve("logs"), health, heap));
    }

    private <T extends AutoCloseable> T remember(T resource) {
        started.add(resource);
        return resource;
    }

    /** Stops everything in reverse start order. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("Could not stop a component cleanly: " + e.getMessage());
            }
        }
        started.clear();
    }

    record CommandResult(int exitCode, String output) {}
}
