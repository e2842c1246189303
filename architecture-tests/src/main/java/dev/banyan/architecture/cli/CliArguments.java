package dev.banyan.architecture.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parsed command line of {@code boundary-check}.
 */
public record CliArguments(List<Path> classes, Path config, Path baseline, boolean freeze, Path reportDir, boolean help) {

    public static final String USAGE = """
            Usage: java -jar boundary-check.jar --classes <dir-or-jar>[,...] --config boundaries.yml
                                               [--baseline FILE] [--freeze] [--report-dir DIR]

              --classes     class directories and/or jars to check, comma-separated (Spring Boot jars work too)
              --config      the boundaries file: contexts with packages, api and may-use; rules no-cycles and ddd
              --baseline    recorded violations: only violations not in it fail the check; fixed ones are reported
              --freeze      record the current violations in the --baseline file (creates or rewrites it) and pass
              --report-dir  write boundary-check.json, TEST-boundary-check.xml (JUnit) and boundary-check.md there
              --help        show this help

            Exit codes: 0 no new violations, 1 new violations, 2 usage or configuration error.
            """;

    public static CliArguments parse(String[] args) {
        List<Path> classes = new ArrayList<>();
        Path config = null;
        Path baseline = null;
        boolean freeze = false;
        Path reportDir = null;
        boolean help = false;
        boolean classesSeen = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            switch (name) {
                case "--help", "-h" -> help = true;
                case "--freeze" -> {
                    if (value != null) {
                        throw new UsageException("--freeze takes no value");
                    }
                    freeze = true;
                }
                case "--classes", "--config", "--baseline", "--report-dir" -> {
                    if (value == null) {
                        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                            throw new UsageException(name + " needs a value");
                        }
                        value = args[++i];
                    }
                    if (value.isBlank()) {
                        throw new UsageException(name + " needs a value");
                    }
                    switch (name) {
                        case "--classes" -> {
                            classesSeen = true;
                            for (String part : value.split(",")) {
                                if (part.isBlank()) {
                                    throw new UsageException("--classes has an empty entry in '" + value + "'");
                                }
                                classes.add(Path.of(part.trim()));
                            }
                        }
                        case "--config" -> config = once(name, config, value);
                        case "--baseline" -> baseline = once(name, baseline, value);
                        default -> reportDir = once(name, reportDir, value);
                    }
                }
                default -> throw new UsageException("unknown option '" + arg + "'");
            }
        }
        if (help) {
            return new CliArguments(classes, config, baseline, freeze, reportDir, true);
        }
        if (!classesSeen) {
            throw new UsageException("--classes is required: the class directories or jars to check");
        }
        if (config == null) {
            throw new UsageException("--config is required: the boundaries.yml that defines the contexts");
        }
        if (freeze && baseline == null) {
            throw new UsageException("--freeze needs --baseline FILE: the file to record the violations in");
        }
        return new CliArguments(List.copyOf(classes), config, baseline, freeze, reportDir, false);
    }

    private static Path once(String name, Path current, String value) {
        if (current != null) {
            throw new UsageException(name + " is given twice");
        }
        return Path.of(value);
    }
}
