package dev.banyan.rehearsal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The command line of the rehearsal, validated up front so a typo never starts half a topology. */
record RehearsalOptions(boolean quick, boolean keepRunning, boolean randomPorts, Path home, Path workDir,
                        Duration stepTraffic, int requestsPerSecond) {

    static final String USAGE = """
            Usage: rehearse [--quick] [--keep-running] [--random-ports] [--home DIR] [--work-dir DIR]
                            [--step-seconds N] [--rate N]

              --quick          a shorter rehearsal (for CI): less traffic per step
              --keep-running   leave the topology up at the end and print its URLs
              --random-ports   pick free ports instead of 8080-8090 / 15432-15433
              --home DIR       the Banyan checkout that holds the built jars (default: current directory)
              --work-dir DIR   where databases, logs and reports go (default: HOME/.banyan)
              --step-seconds N seconds of traffic per step (default 20, --quick 4)
              --rate N         requests per second sent by the load generator (default 40)
            """;

    static RehearsalOptions parse(String... args) {
        boolean quick = false;
        boolean keepRunning = false;
        boolean randomPorts = false;
        Path home = Path.of("").toAbsolutePath();
        Path workDir = null;
        Integer stepSeconds = null;
        int rate = 40;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String arg = rest.remove(0);
            switch (arg) {
                case "--quick" -> quick = true;
                case "--keep-running" -> keepRunning = true;
                case "--random-ports" -> randomPorts = true;
                case "--home" -> home = Path.of(value(arg, rest)).toAbsolutePath();
                case "--work-dir" -> workDir = Path.of(value(arg, rest)).toAbsolutePath();
                case "--step-seconds" -> stepSeconds = positive(arg, value(arg, rest), 600);
                case "--rate" -> rate = positive(arg, value(arg, rest), 2000);
                case "--help", "-h" -> throw new UsageException(null);
                default -> throw new UsageException("Unknown option '" + arg + "'");
            }
        }
        int seconds = stepSeconds != null ? stepSeconds : quick ? 4 : 20;
        return new RehearsalOptions(quick, keepRunning, randomPorts, home,
                workDir != null ? workDir : home.resolve(".banyan"), Duration.ofSeconds(seconds), rate);
    }

    private static String value(String option, List<String> rest) {
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            throw new UsageException("Option " + option + " needs a value");
        }
        return rest.remove(0);
    }

    private static int positive(String option, String value, int max) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < 1 || parsed > max) {
                throw new UsageException("Option " + option + " must be between 1 and " + max + ", was " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UsageException("Option " + option + " must be a whole number, was '" + value + "'");
        }
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
