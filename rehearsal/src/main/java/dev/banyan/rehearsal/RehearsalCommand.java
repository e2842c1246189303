package dev.banyan.rehearsal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rehearse}: one command that rehearses the whole migration and says whether it held. Options as
 * {@code --opt value} or {@code --opt=value}; exit 0 passed, 1 failed, 2 usage error.
 */
@Command(
        name = "rehearse",
        mixinStandardHelpOptions = true,
        versionProvider = RehearsalCommand.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Rehearses the strangler-fig extractions of the catalog (routing and table CDC) and of delivery"
                + " (outbox, Kafka, a Saga and an event cutover) on embedded databases, under live traffic, and says"
                + " whether they held: no failed request, no drift, no lost write, no lost, doubled or stuck order.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:passed", "1:failed (the report and the component logs say why)", "2:usage error"})
public final class RehearsalCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--quick", description = "a shorter rehearsal (for CI): less traffic per step")
    private boolean quick;

    @Option(names = "--keep-running", description = "leave the topology up at the end and print its URLs")
    private boolean keepRunning;

    @Option(
            names = "--random-ports",
            description = "pick free ports instead of 8080-8090, 15432-15434 and 19092 (Kafka)")
    private boolean randomPorts;

    @Option(
            names = "--home",
            paramLabel = "DIR",
            description = "the Banyan checkout that holds the built jars (default: the current directory)")
    private Path home;

    @Option(
            names = "--work-dir",
            paramLabel = "DIR",
            description = "where databases, logs and reports go (default: HOME/.banyan)")
    private Path workDir;

    @Option(
            names = "--step-seconds",
            paramLabel = "N",
            description = "seconds of traffic per step, 1 to 600 (default 20, with --quick 4)")
    private Integer stepSeconds;

    @Option(
            names = "--rate",
            paramLabel = "N",
            defaultValue = "40",
            description = "requests per second sent by the load generator, 1 to 2000 (default ${DEFAULT-VALUE})")
    private int rate;

    @Option(
            names = "--context",
            paramLabel = "NAME",
            defaultValue = "all",
            converter = ContextConverter.class,
            description = "which extraction to rehearse: catalog, delivery or all (catalog then delivery on one"
                    + " topology; default ${DEFAULT-VALUE})")
    private RehearsalOptions.Context context;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return new CommandLine(new RehearsalCommand()).execute(args);
    }

    /** The parsed options, range-checked; a value out of range is a usage error naming the option. */
    RehearsalOptions options() {
        Path checkout = (home != null ? home : Path.of("")).toAbsolutePath();
        int seconds = stepSeconds != null ? within("--step-seconds", stepSeconds, 600) : quick ? 4 : 20;
        return new RehearsalOptions(
                quick,
                keepRunning,
                randomPorts,
                checkout,
                workDir != null ? workDir.toAbsolutePath() : checkout.resolve(".banyan"),
                Duration.ofSeconds(seconds),
                within("--rate", rate, 2000),
                context);
    }

    private int within(String option, int value, int max) {
        if (value < 1 || value > max) {
            throw new ParameterException(
                    spec.commandLine(), "Option " + option + " must be between 1 and " + max + ", was " + value);
        }
        return value;
    }

    @Override
    public Integer call() {
        RehearsalOptions options = options();
        List<String> missing = Topology.missingJars(options.home(), options.context());
        if (!missing.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--home " + options.home() + " is not a built Banyan"
                            + " checkout: missing " + String.join(", ", missing)
                            + ". Run ./rehearse from the checkout (it builds"
                            + " them), or ./mvnw -B package -DskipTests there first");
        }
        Progress progress = new Progress(System.out);
        Path runDir = options.workDir()
                .resolve("rehearsal")
                .resolve(Instant.now().toString().replace(":", ""));
        Ports ports = options.randomPorts() ? Ports.random() : Ports.defaults();
        Topology topology = new Topology(options, ports, runDir);
        Runtime.getRuntime().addShutdownHook(new Thread(topology::close, "rehearsal-shutdown"));
        try {
            Files.createDirectories(runDir);
            progress.line("Banyan rehearsal: strangling "
                    + switch (options.context()) {
                        case CATALOG -> "the catalog";
                        case DELIVERY -> "delivery";
                        case ALL -> "the catalog, then delivery,";
                    }
                    + " out of the monolith" + (options.quick() ? " (quick)" : ""));
            progress.line("Working in " + runDir + "; component logs in " + runDir.resolve("logs"));
            Report report = new Rehearsal(options, topology, progress).run();
            List<Path> files = report.write(options.workDir().resolve("reports"));
            progress.line("");
            progress.line(
                    report.passed()
                            ? "PASSED: no failed requests, no drift, no lost writes"
                                    + (options.context().delivery() ? ", no lost, doubled or stuck orders." : ".")
                            : "FAILED: " + String.join("; ", report.problems()));
            progress.line("Report: " + files.get(0) + " and " + files.get(1));
            if (options.keepRunning()) {
                keepRunning(topology, progress);
            }
            return report.passed() ? 0 : 1;
        } catch (Exception e) {
            progress.line("FAILED: " + e.getMessage());
            progress.line("Component logs are in " + runDir.resolve("logs"));
            return 1;
        } finally {
            topology.close();
        }
    }

    private static void keepRunning(Topology topology, Progress progress) throws Exception {
        Path tokenFile = topology.runDir().resolve("admin-token");
        Files.writeString(tokenFile, topology.adminToken());
        tokenFile.toFile().setReadable(false, false);
        tokenFile.toFile().setReadable(true, true);
        progress.line("");
        progress.line("The topology keeps running (Ctrl-C stops it):");
        progress.line("  proxy            " + topology.proxy() + "   e.g. curl " + topology.proxy()
                + "/api/restaurants?size=3");
        progress.line("  proxy admin      " + topology.proxyAdmin() + "   bearer token in " + tokenFile);
        progress.line("  routes file      " + topology.routesFile() + "   (edit it: the proxy reloads within 2 s)");
        progress.line("  monolith         " + topology.monolith());
        progress.line("  catalog-service  " + topology.catalogService());
        if (topology.deliveryDb() != null) {
            progress.line("  delivery-service " + topology.deliveryService());
            progress.line("  Kafka            " + topology.kafkaBootstrapServers());
            progress.line(
                    "  delivery DB      " + topology.deliveryDb().jdbcUrl(Topology.DELIVERY_DB) + " (user postgres)");
        }
        progress.line("  cdc-bridge       " + topology.cdcBridge() + "/actuator/prometheus");
        progress.line("  monolith DB      " + topology.monolithDb().jdbcUrl(Topology.MONOLITH_DB) + " (user postgres)");
        progress.line("  catalog DB       " + topology.catalogDb().jdbcUrl(Topology.CATALOG_DB) + " (user postgres)");
        new CountDownLatch(1).await();
    }

    /** Reads {@code catalog}, {@code delivery} or {@code all}, in any case; anything else names the choices. */
    static final class ContextConverter implements CommandLine.ITypeConverter<RehearsalOptions.Context> {
        @Override
        public RehearsalOptions.Context convert(String value) {
            for (RehearsalOptions.Context context : RehearsalOptions.Context.values()) {
                if (context.name().equalsIgnoreCase(value)) {
                    return context;
                }
            }
            throw new CommandLine.TypeConversionException(
                    "expected one of catalog, delivery, all but was '" + value + "'");
        }
    }

    /** The version of the jar (from its manifest). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = RehearsalCommand.class.getPackage().getImplementationVersion();
            return new String[] {"rehearse " + (version == null ? "(built from source)" : version)};
        }
    }
}
