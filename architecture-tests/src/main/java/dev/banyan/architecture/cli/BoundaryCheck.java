package dev.banyan.architecture.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.banyan.architecture.boundary.AnalysisResult;
import dev.banyan.architecture.boundary.Baseline;
import dev.banyan.architecture.boundary.BoundaryAnalyzer;
import dev.banyan.architecture.boundary.BoundaryConfig;
import dev.banyan.architecture.boundary.ConfigException;
import dev.banyan.architecture.boundary.ConfigLoader;
import dev.banyan.architecture.boundary.Evaluation;
import dev.banyan.architecture.boundary.report.ConsoleReport;
import dev.banyan.architecture.boundary.report.ContextGraph;
import dev.banyan.architecture.boundary.report.JsonReport;
import dev.banyan.architecture.boundary.report.JunitXmlReport;
import dev.banyan.architecture.boundary.report.MarkdownReport;
import dev.banyan.architecture.boundary.report.SarifReport;
import dev.banyan.architecture.bytecode.ClassIndex;
import dev.banyan.architecture.bytecode.ClassesLoader;
import dev.banyan.architecture.bytecode.UnreadableClassesException;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code boundary-check}: checks compiled classes against the bounded contexts of a {@code boundaries.yml}.
 * Exit code 0 means no new violations, 1 new violations, 2 a usage or configuration error.
 */
@Command(
        name = "java -jar boundary-check.jar",
        mixinStandardHelpOptions = true,
        versionProvider = BoundaryCheck.ManifestVersion.class,
        sortOptions = false,
        usageHelpWidth = 120,
        description = "Checks compiled classes against the bounded contexts of a boundaries.yml.",
        footer = {"", "Exit codes: 0 no new violations, 1 new violations, 2 usage or configuration error."})
public final class BoundaryCheck implements Callable<Integer> {

    public static final int OK = 0;
    public static final int VIOLATIONS = 1;
    public static final int USAGE_ERROR = 2;

    public static final String JSON_REPORT = "boundary-check.json";
    public static final String JUNIT_REPORT = "TEST-boundary-check.xml";
    public static final String MARKDOWN_REPORT = "boundary-check.md";
    public static final String SARIF_REPORT = "boundary-check.sarif";
    public static final String DOT_GRAPH = "boundary-check.dot";
    public static final String SVG_GRAPH = "boundary-check.svg";

    @Option(
            names = "--classes",
            required = true,
            split = ",",
            paramLabel = "<dir-or-jar>",
            converter = NonBlankPath.class,
            description = "class directories and/or jars to check, comma-separated (Spring Boot jars work too)")
    private List<Path> classes = List.of();

    @Option(
            names = "--config",
            required = true,
            paramLabel = "FILE",
            converter = NonBlankPath.class,
            description =
                    "the boundaries file: contexts with packages, api and may-use; rules no-cycles, ddd and events-are-api")
    private Path config = Path.of("boundaries.yml");

    @Option(
            names = "--baseline",
            paramLabel = "FILE",
            converter = NonBlankPath.class,
            description = "recorded violations: only violations not in it fail the check; fixed ones are reported")
    private @Nullable Path baseline;

    @Option(
            names = "--freeze",
            description = "record the current violations in the --baseline file (creates or rewrites it) and pass")
    private boolean freeze;

    @Option(
            names = "--report-dir",
            paramLabel = "DIR",
            converter = NonBlankPath.class,
            description =
                    "write boundary-check.json, TEST-boundary-check.xml (JUnit), boundary-check.md, boundary-check.sarif and"
                            + " boundary-check.dot (and .svg with Graphviz) there")
    private @Nullable Path reportDir;

    @Option(
            names = "--source-root",
            paramLabel = "DIR",
            description =
                    "the sources' directory relative to the repository root (e.g. src/main/java), for the file paths in"
                            + " the SARIF report; without it they are relative to SRCROOT")
    private String sourceRoot = "";

    @Spec // injected by picocli before call()
    private CommandSpec spec;

    private final PrintStream out;

    private BoundaryCheck(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter outWriter = new PrintWriter(out, true);
        CommandLine commandLine = new CommandLine(new BoundaryCheck(out))
                .setOut(outWriter)
                .setErr(new PrintWriter(err, true))
                .setParameterExceptionHandler((ex, arguments) -> usageError(err, ex.getMessage()))
                .setExecutionExceptionHandler((ex, command, parseResult) -> {
                    if (ex instanceof ConfigException) {
                        err.println("boundary-check: configuration error: " + ex.getMessage());
                        return USAGE_ERROR;
                    }
                    if (ex instanceof UsageException || ex instanceof UnreadableClassesException) {
                        return usageError(err, ex.getMessage());
                    }
                    throw ex;
                });
        int exitCode = commandLine.execute(args);
        outWriter.flush();
        return exitCode;
    }

    private static int usageError(PrintStream err, String message) {
        err.println("boundary-check: " + message);
        err.println("Run with --help for usage.");
        return USAGE_ERROR;
    }

    @Override
    public Integer call() {
        if (freeze && baseline == null) {
            throw new ParameterException(
                    spec.commandLine(), "--freeze needs --baseline FILE: the file to record the violations in");
        }
        BoundaryConfig boundaries = ConfigLoader.load(config);
        Baseline recorded = baseline == null ? null : Baseline.read(baseline);
        if (reportDir != null && Files.exists(reportDir) && !Files.isDirectory(reportDir)) {
            throw new UsageException("--report-dir: '" + reportDir + "' exists and is not a directory");
        }
        BoundaryAnalyzer analyzer = new BoundaryAnalyzer(boundaries);
        ClassIndex index = ClassesLoader.load(classes, analyzer.dependencyFilter());
        // a pattern that matches no class is a configuration error, so every check below has classes in contexts
        AnalysisResult result = analyzer.analyze(index);
        Evaluation evaluation = Evaluation.of(result, recorded);
        out.print(ConsoleReport.render(evaluation, freeze));
        if (reportDir != null) {
            writeReports(reportDir, evaluation);
        }
        if (freeze) {
            try {
                Baseline.write(baseline, result.findings());
            } catch (IOException ex) {
                throw new UsageException("--baseline: cannot write '" + baseline + "': " + ex.getMessage());
            }
            int before = recorded == null ? 0 : recorded.entries().size();
            out.println(
                    "Baseline " + baseline + " recorded: " + result.findings().size() + " entries (was " + before + ": "
                            + evaluation.newFindings().size() + " added, "
                            + evaluation.fixed().size() + " removed).");
            return OK;
        }
        return evaluation.passed() ? OK : VIOLATIONS;
    }

    private void writeReports(Path directory, Evaluation evaluation) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(JSON_REPORT), JsonReport.render(evaluation), StandardCharsets.UTF_8);
            Files.writeString(
                    directory.resolve(JUNIT_REPORT), JunitXmlReport.render(evaluation), StandardCharsets.UTF_8);
            Files.writeString(
                    directory.resolve(MARKDOWN_REPORT), MarkdownReport.render(evaluation), StandardCharsets.UTF_8);
            Files.writeString(
                    directory.resolve(SARIF_REPORT),
                    SarifReport.render(evaluation, new ManifestVersion().number(), sourceRoot),
                    StandardCharsets.UTF_8);
            Files.writeString(
                    directory.resolve(DOT_GRAPH), ContextGraph.dot(evaluation.result()), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UsageException("--report-dir: cannot write reports to '" + directory + "': " + ex.getMessage());
        }
        String svg = Graphviz.render(directory.resolve(DOT_GRAPH), directory.resolve(SVG_GRAPH));
        out.println("Reports: " + directory.resolve(JSON_REPORT) + ", " + directory.resolve(JUNIT_REPORT) + ", "
                + directory.resolve(MARKDOWN_REPORT) + ", " + directory.resolve(SARIF_REPORT) + ", "
                + directory.resolve(DOT_GRAPH) + svg);
    }

    /** A path that is not blank: {@code --classes a,,b} must not quietly check the working directory. */
    static final class NonBlankPath implements ITypeConverter<Path> {

        @Override
        public Path convert(String value) {
            if (value.isBlank()) {
                throw new TypeConversionException("an empty entry");
            }
            return Path.of(value.strip());
        }
    }

    /** The version the jar's manifest carries (the Maven project version, written by the shade plugin). */
    static final class ManifestVersion implements IVersionProvider {

        @Override
        public String[] getVersion() {
            String version = BoundaryCheck.class.getPackage().getImplementationVersion();
            return new String[] {
                "boundary-check " + (version == null ? "(development build, not run from its jar)" : version)
            };
        }

        String number() {
            String version = BoundaryCheck.class.getPackage().getImplementationVersion();
            return version == null ? "development" : version;
        }
    }
}
