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
import dev.banyan.embedded.kafka.EmbeddedKafkaBroker;

import org.jspecify.annotations.Nullable;

/**
 * The running system: embedded PostgreSQL servers, the monolith, the extracted services, the strangler-proxy and
 * the cdc-bridge, each in its own process, as independently deployable parts would be. The delivery extraction adds
 * a Kafka broker, the delivery-service and its database, and runs the monolith with its order-event consumer.
 */
final class Topology implements AutoCloseable {

    static final String MONOLITH_JAR = "legacy-monolith/target/legacy-monolith.jar";
    static final String CATALOG_JAR = "extracted-services/catalog-service/target/catalog-service.jar";
    static final String PROXY_JAR = "strangler-proxy/target/strangler-proxy.jar";
    static final String BRIDGE_JAR = "cdc-bridge/target/cdc-bridge.jar";
    static final String DELIVERY_JAR = "extracted-services/delivery-service/target/delivery-service.jar";

    static final String MONOLITH_DB = "monolith";
    static final String CATALOG_DB = "catalog";
    static final String DELIVERY_DB = "delivery";

    private final RehearsalOptions options;
    private final Ports ports;
    private final Path runDir;
    private final String adminToken = UUID.randomUUID().toString();
    private final String eventRoutesToken = UUID.randomUUID().toString();
    private final List<AutoCloseable> started = new ArrayList<>();
    private EmbeddedPostgresServer monolithDb;
    private EmbeddedPostgresServer catalogDb;
    private @Nullable EmbeddedPostgresServer deliveryDb;
    private @Nullable EmbeddedKafkaBroker kafka;
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

    URI deliveryService() {
        return URI.create("http://localhost:" + ports.deliveryService());
    }

    /** The embedded broker's address; only while the delivery extraction's part of the topology runs. */
    String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    EmbeddedPostgresServer deliveryDb() {
        return deliveryDb;
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

    /** The component jars that {@code home} lacks for {@code context}, relative to it; empty when all are built. */
    static List<String> missingJars(Path home, RehearsalOptions.Context context) {
        List<String> jars = new ArrayList<>(List.of(MONOLITH_JAR, CATALOG_JAR, PROXY_JAR, BRIDGE_JAR));
        if (context.delivery()) {
            jars.add(DELIVERY_JAR);
        }
        return jars.stream()
                .filter(jar -> !Files.isRegularFile(home.resolve(jar)))
                .toList();
    }

    /** Starts the parts {@code context} needs; the JVMs start side by side and are awaited together. */
    void start(Progress progress) throws Exception {
        boolean delivery = options.context().delivery();
        progress.line("Starting embedded PostgreSQL for the monolith (port " + ports.monolithDb()
                + ") and the catalog-service (port " + ports.catalogDb() + ")"
                + (delivery ? " and the delivery-service (port " + ports.deliveryDb() + ")" : ""));
        monolithDb = remember(EmbeddedPostgresServer.start(runDir.resolve("monolith-db"), ports.monolithDb(), false));
        monolithDb.ensureDatabase(MONOLITH_DB);
        catalogDb = remember(EmbeddedPostgresServer.start(runDir.resolve("catalog-db"), ports.catalogDb(), false));
        catalogDb.ensureDatabase(CATALOG_DB);
        if (delivery) {
            deliveryDb =
                    remember(EmbeddedPostgresServer.start(runDir.resolve("delivery-db"), ports.deliveryDb(), false));
            deliveryDb.ensureDatabase(DELIVERY_DB);
            progress.line("Starting an embedded Kafka broker (port " + ports.kafka() + ")");
            kafka = remember(EmbeddedKafkaBroker.start(
                    runDir.resolve("kafka"),
                    ports.kafka(),
                    EmbeddedKafkaBroker.Options.defaults().withHeap("256m")));
        }

        List<String> monolithArgs = new ArrayList<>(List.of(
                "--server.port=" + ports.monolith(),
                "--spring.datasource.url=" + monolithDb.jdbcUrl(MONOLITH_DB),
                "--spring.datasource.username=" + EmbeddedPostgresServer.USER));
        if (delivery) {
            // The consumer of delivery events; the broker is ours, so the monolith starts none of its own.
            monolithArgs.add("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers());
            monolithArgs.add("--banyan.events.consumer.enabled=true");
        }
        List<ComponentProcess> components = new ArrayList<>();
        components.add(launch(
                "legacy-monolith",
                MONOLITH_JAR,
                monolithArgs,
                delivery ? Map.of("BANYAN_EVENT_ROUTES_TOKEN", eventRoutesToken) : Map.of(),
                URI.create(monolith() + "/actuator/health/readiness"),
                "384m"));
        components.add(launch(
                "catalog-service",
                CATALOG_JAR,
                List.of(
                        "--server.port=" + ports.catalogService(),
                        "--spring.datasource.url=" + catalogDb.jdbcUrl(CATALOG_DB),
                        "--spring.datasource.username=" + EmbeddedPostgresServer.USER),
                Map.of(),
                URI.create(catalogService() + "/actuator/health/readiness"),
                "256m"));
        if (delivery) {
            components.add(launch(
                    "delivery-service",
                    DELIVERY_JAR,
                    List.of(
                            "--server.port=" + ports.deliveryService(),
                            "--spring.datasource.url=" + deliveryDb.jdbcUrl(DELIVERY_DB),
                            "--spring.datasource.username=" + EmbeddedPostgresServer.USER,
                            "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                            // decides monolith-handled orders in its sandbox from the start (step 3 compares)
                            "--banyan.delivery.shadow=true"),
                    Map.of(),
                    URI.create(deliveryService() + "/actuator/health/readiness"),
                    "256m"));
        }

        routesFile = runDir.resolve("routes.yml");
        Files.writeString(
                routesFile,
                delivery
                        ? RoutesFile.withDelivery(monolith(), catalogService(), deliveryService())
                        : RoutesFile.initial(monolith(), catalogService()));
        components.add(launch(
                "strangler-proxy",
                PROXY_JAR,
                List.of(
                        "--server.port=" + ports.proxy(),
                        "--banyan.routes=" + routesFile,
                        "--banyan.admin.port=" + ports.proxyAdmin()),
                delivery
                        ? Map.of("BANYAN_ADMIN_TOKEN", adminToken, "BANYAN_EVENT_ROUTES_TOKEN", eventRoutesToken)
                        : Map.of("BANYAN_ADMIN_TOKEN", adminToken),
                URI.create(proxy() + "/actuator/health"),
                "256m"));

        for (ComponentProcess component : components) {
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
        return verify(config, List.of());
    }

    /** {@code verify} of some pipelines only ({@code --pipeline NAME} each), e.g. the table pipeline of a file. */
    CommandResult verify(Path config, List<String> pipelines) throws Exception {
        Path jar = options.home().resolve(BRIDGE_JAR);
        List<String> args = new ArrayList<>(List.of("verify", "--config", config.toString()));
        pipelines.forEach(pipeline -> args.addAll(List.of("--pipeline", pipeline)));
        ComponentProcess verify = ComponentProcess.start(
                "cdc-verify-" + (++verifications), jar, args, Map.of(), runDir.resolve("logs"), null, "256m");
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
