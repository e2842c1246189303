package dev.banyan.rehearsal;

import java.nio.file.Path;
import java.time.Duration;

import picocli.CommandLine;

/** The validated command line of the rehearsal, so a typo never starts half a topology. */
record RehearsalOptions(
        boolean quick,
        boolean keepRunning,
        boolean randomPorts,
        Path home,
        Path workDir,
        Duration stepTraffic,
        int requestsPerSecond,
        Context context) {

    /** Which extraction to rehearse; {@code all} runs the catalog, then delivery, on one topology. */
    enum Context {
        CATALOG,
        DELIVERY,
        ALL;

        boolean catalog() {
            return this != DELIVERY;
        }

        boolean delivery() {
            return this != CATALOG;
        }
    }

    /** Parses and validates {@code args} as {@code rehearse} would; a bad line throws picocli's ParameterException. */
    static RehearsalOptions parse(String... args) {
        RehearsalCommand command = new RehearsalCommand();
        new CommandLine(command).parseArgs(args);
        return command.options();
    }
}
