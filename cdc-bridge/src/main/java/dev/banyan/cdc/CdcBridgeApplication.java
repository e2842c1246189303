package dev.banyan.cdc;

import dev.banyan.cdc.apply.ConnectionFailedException;
import dev.banyan.cdc.apply.PipelineSetup;
import dev.banyan.cdc.config.BridgeConfig;
import dev.banyan.cdc.config.ConfigException;
import dev.banyan.cdc.config.ConfigLoader;
import dev.banyan.cdc.verify.Reconciler;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command line: {@code run --config cdc.yml} starts the pipelines (metrics and health on port 8090);
 * {@code verify --config cdc.yml} compares source and target and exits 0 (in sync), 1 (drift) or 2 (configuration or
 * connection error). As a plain Spring Boot app, set {@code banyan.cdc.config} instead.
 */
@SpringBootApplication
public class CdcBridgeApplication {

    public static final int IN_SYNC = 0;
    public static final int DRIFT = 1;
    public static final int CONFIG_ERROR = 2;

    static final String USAGE = """
            usage: cdc-bridge run    --config <file>
                   cdc-bridge verify --config <file> [--pipeline <name>] [--chunk-size <rows>] [--samples <n>]
            """;

    public static void main(String[] args) {
        if (args.length > 0 && !args[0].startsWith("-")) {
            int code = new Cli(System.out, System.err).execute(args);
            if (code >= 0) {
                System.exit(code);
            }
            return;
        }
        SpringApplication.run(CdcBridgeApplication.class, args);
    }

    /** Parses the command line; returns an exit code, or -1 when the bridge keeps running. */
    static final class Cli {
        private final PrintStream out;
        private final PrintStream err;

        Cli(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        int execute(String[] args) {
            String command = args[0];
            String config = null;
            String pipeline = null;
            int chunkSize = 10_000;
            int samples = 5;
            List<String> passThrough = new ArrayList<>();
            try {
                for (int i = 1; i < args.length; i++) {
                    String arg = args[i];
                    switch (arg) {
                        case "--config" -> config = value(args, ++i, arg);
                        case "--pipeline" -> pipeline = value(args, ++i, arg);
                        case "--chunk-size" -> chunkSize = number(value(args, ++i, arg), arg, 100, 1_000_000);
                        case "--samples" -> samples = number(value(args, ++i, arg), arg, 0, 1_000);
                        default -> {
                            if (arg.startsWith("--") && arg.contains("=")) {
                                passThrough.add(arg);
                            } else {
                                throw new IllegalArgumentException("unknown argument '" + arg + "'");
                            }
                        }
                    }
                }
                if (!command.equals("run") && !command.equals("verify")) {
                    throw new IllegalArgumentException("unknown command '" + command + "'");
                }
                if (config == null) {
                    throw new IllegalArgumentException("--config <file> is required");
                }
            } catch (IllegalArgumentException e) {
                err.println("cdc-bridge: " + e.getMessage());
                err.print(USAGE);
                return CONFIG_ERROR;
            }
            try {
                BridgeConfig bridgeConfig = new ConfigLoader().load(Path.of(config));
                if (command.equals("verify")) {
                    Reconciler.Report report = new Reconciler(chunkSize, samples, out).verify(bridgeConfig, pipeline);
                    return report.inSync() ? IN_SYNC : DRIFT;
                }
                // check every pipeline against its databases first, so a bad mapping or an unreachable database
                // ends with one clear line and exit code 2 instead of a failed application context
                for (var pipelineConfig : bridgeConfig.pipelines()) {
                    PipelineSetup.resolve(bridgeConfig.file().toString(), pipelineConfig);
                }
                List<String> springArgs = new ArrayList<>(passThrough);
                springArgs.add("--banyan.cdc.config=" + Path.of(config).toAbsolutePath());
                SpringApplication.run(CdcBridgeApplication.class, springArgs.toArray(String[]::new));
                return -1;
            } catch (ConfigException | ConnectionFailedException e) {
                err.println("cdc-bridge: " + e.getMessage());
                return CONFIG_ERROR;
            } catch (RuntimeException e) {
                Throwable root = e;
                while (root.getCause() != null && root.getCause() != root) {
                    root = root.getCause();
                    if (root instanceof ConfigException || root instanceof ConnectionFailedException) {
                        err.println("cdc-bridge: " + root.getMessage());
                        return CONFIG_ERROR;
                    }
                }
                throw e;
            }
        }

        private static String value(String[] args, int index, String flag) {
            if (index >= args.length || args[index].startsWith("--")) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args[index];
        }

        private static int number(String text, String flag, int min, int max) {
            try {
                int n = Integer.parseInt(text);
                if (n < min || n > max) {
                    throw new IllegalArgumentException(flag + " must be between " + min + " and " + max + ", was " + n);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " must be a whole number, was '" + text + "'");
            }
        }
    }
}
