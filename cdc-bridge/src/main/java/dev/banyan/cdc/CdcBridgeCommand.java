package dev.banyan.cdc;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import dev.banyan.cdc.apply.ConnectionFailedException;
import dev.banyan.cdc.apply.PipelineSetup;
import dev.banyan.cdc.config.BridgeConfig;
import dev.banyan.cdc.config.ConfigException;
import dev.banyan.cdc.config.ConfigLoader;
import dev.banyan.cdc.verify.Reconciler;

import org.springframework.boot.SpringApplication;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * The command line, parsed by picocli: {@code run}, {@code verify} and {@code cleanup}, each with {@code --help} and
 * {@code --version}, options as {@code --opt value} or {@code --opt=value}. Exit codes: 0 success (or in sync), 1
 * drift, 2 a usage, configuration or connection error, with one line naming the cause and never a stack trace.
 */
@Command(
        name = "cdc-bridge",
        mixinStandardHelpOptions = true,
        versionProvider = CdcBridgeCommand.Version.class,
        description = "Change data capture between PostgreSQL databases: keeps mapped tables in sync and proves it.",
        subcommands = {CdcBridgeCommand.Run.class, CdcBridgeCommand.Verify.class, CleanupCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (verify: in sync)",
            "1:verify found drift; cleanup was not confirmed",
            "2:usage, configuration or connection error; cleanup of a slot in use"
        })
public final class CdcBridgeCommand implements Callable<Integer> {

    /** What {@code run} returns once the Spring application runs: the process must not exit. */
    public static final int KEEP_RUNNING = -1;

    final InputStream in;
    final PrintStream out;
    final PrintStream err;

    @Spec
    CommandSpec spec;

    private CdcBridgeCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** Parses and runs one command line; returns its exit code, or {@link #KEEP_RUNNING} after {@code run} started. */
    public static int execute(PrintStream out, PrintStream err, String... args) {
        return execute(System.in, out, err, args);
    }

    /** As {@link #execute(PrintStream, PrintStream, String...)}, reading confirmations from {@code in}. */
    public static int execute(InputStream in, PrintStream out, PrintStream err, String... args) {
        CommandLine cli = new CommandLine(new CdcBridgeCommand(in, out, err));
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConfigException || cause instanceof ConnectionFailedException) {
                    // a configuration error may list several problems, one a line
                    cause.getMessage()
                            .lines()
                            .forEach(line -> commandLine.getErr().println("cdc-bridge: " + line));
                    return CdcBridgeApplication.CONFIG_ERROR;
                }
            }
            throw e;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "name a command: run, verify or cleanup");
    }

    static BridgeConfig load(Path config) {
        return new ConfigLoader().load(config);
    }

    @Command(
            name = "run",
            mixinStandardHelpOptions = true,
            versionProvider = Version.class,
            description = {
                "Starts the pipelines and keeps them running.",
                "Health and metrics are served on port 8090 (--server.port=<port> to change)."
            },
            footer = {
                "%nSpring Boot properties for the health and metrics server may follow as --<name>=<value>,",
                "e.g. --server.port=9090; nothing else is passed to Spring."
            })
    static final class Run implements Callable<Integer> {

        /** A Spring Boot property given as {@code --name.with.dots=value}; nothing else reaches Spring. */
        private static final Pattern SPRING_PROPERTY = Pattern.compile("--[a-z][a-z0-9-]*(\\.[a-z0-9\\[\\]_-]+)+=.*");

        @Spec
        CommandSpec spec;

        @ParentCommand
        CdcBridgeCommand parent;

        @Option(names = "--config", required = true, paramLabel = "<file>", description = "the pipelines YAML")
        Path config;

        @Unmatched
        List<String> springProperties = new ArrayList<>();

        @Override
        public Integer call() {
            for (String property : springProperties) {
                if (!SPRING_PROPERTY.matcher(property).matches()) {
                    throw new ParameterException(
                            spec.commandLine(),
                            "unknown option '" + property
                                    + "' (besides --config, only Spring Boot properties may follow: a dotted name with a"
                                    + " value, e.g. --server.port=9090)");
                }
            }
            BridgeConfig bridgeConfig = load(config);
            // check every pipeline against its databases first, so a bad mapping or an unreachable database
            // ends with one clear line and exit code 2 instead of a failed application context
            for (var pipeline : bridgeConfig.pipelines()) {
                PipelineSetup.resolve(bridgeConfig.file().toString(), pipeline);
            }
            List<String> springArgs = new ArrayList<>(springProperties);
            springArgs.add("--banyan.cdc.config=" + config.toAbsolutePath());
            SpringApplication.run(CdcBridgeApplication.class, springArgs.toArray(String[]::new));
            return KEEP_RUNNING;
        }
    }

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            versionProvider = Version.class,
            description = {
                "Compares source and target of every mapped table.",
                "Checks every pipeline, or only the one named by --pipeline, with the mapping applied.",
                "Exits 0 when in sync, 1 on drift, 2 on a configuration or connection error."
            })
    static final class Verify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @ParentCommand
        CdcBridgeCommand parent;

        @Option(names = "--config", required = true, paramLabel = "<file>", description = "the pipelines YAML")
        Path config;

        @Option(names = "--pipeline", paramLabel = "<name>", description = "check only this pipeline")
        String pipeline;

        int chunkSize = 10_000;

        int samples = 5;

        @Option(
                names = "--chunk-size",
                paramLabel = "<rows>",
                defaultValue = "10000",
                description = "keys read per query (100 to 1000000, default ${DEFAULT-VALUE})")
        void chunkSize(int rows) {
            chunkSize = inRange("--chunk-size", rows, 100, 1_000_000);
        }

        @Option(
                names = "--samples",
                paramLabel = "<n>",
                defaultValue = "5",
                description = "differing keys shown per table and kind (0 to 1000, default ${DEFAULT-VALUE})")
        void samples(int n) {
            samples = inRange("--samples", n, 0, 1_000);
        }

        private int inRange(String option, int value, int min, int max) {
            if (value < min || value > max) {
                throw new ParameterException(
                        spec.commandLine(), option + " must be between " + min + " and " + max + ", was " + value);
            }
            return value;
        }

        @Override
        public Integer call() {
            Reconciler.Report report = new Reconciler(chunkSize, samples, parent.out).verify(load(config), pipeline);
            return report.inSync() ? CdcBridgeApplication.IN_SYNC : CdcBridgeApplication.DRIFT;
        }
    }

    /** The jar's version (from its manifest) and the Debezium version it embeds. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = CdcBridgeCommand.class.getPackage().getImplementationVersion();
            return new String[] {
                "cdc-bridge " + (version == null ? "(built from source)" : version) + ", Debezium "
                        + io.debezium.connector.postgresql.Module.version()
            };
        }
    }
}
