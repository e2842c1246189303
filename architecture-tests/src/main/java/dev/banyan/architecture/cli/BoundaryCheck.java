package dev.banyan.architecture.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.banyan.architecture.boundary.AnalysisResult;
import dev.banyan.architecture.boundary.Baseline;
import dev.banyan.architecture.boundary.BoundaryAnalyzer;
import dev.banyan.architecture.boundary.BoundaryConfig;
import dev.banyan.architecture.boundary.ConfigException;
import dev.banyan.architecture.boundary.ConfigLoader;
import dev.banyan.architecture.boundary.Evaluation;
import dev.banyan.architecture.boundary.report.ConsoleReport;
import dev.banyan.architecture.boundary.report.JsonReport;
import dev.banyan.architecture.boundary.report.JunitXmlReport;
import dev.banyan.architecture.boundary.report.MarkdownReport;
import dev.banyan.architecture.bytecode.ClassIndex;
import dev.banyan.architecture.bytecode.ClassesLoader;
import dev.banyan.architecture.bytecode.UnreadableClassesException;

/**
 * {@code boundary-check}: checks compiled classes against the bounded contexts of a {@code boundaries.yml}.
 * Exit code 0 means no new violations, 1 new violations, 2 a usage or configuration error.
 */
public final class BoundaryCheck {

    public static final int OK = 0;
    public static final int VIOLATIONS = 1;
    public static final int USAGE_ERROR = 2;

    public static final String JSON_REPORT = "boundary-check.json";
    public static final String JUNIT_REPORT = "TEST-boundary-check.xml";
    public static final String MARKDOWN_REPORT = "boundary-check.md";

    private BoundaryCheck() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            CliArguments arguments = CliArguments.parse(args);
            if (arguments.help()) {
                out.print(CliArguments.USAGE);
                return OK;
            }
            return check(arguments, out);
        }
        catch (UsageException | UnreadableClassesException ex) {
            err.println("boundary-check: " + ex.getMessage());
            err.println("Run with --help for usage.");
            return USAGE_ERROR;
        }
        catch (ConfigException ex) {
            err.println("boundary-check: configuration error: " + ex.getMessage());
            return USAGE_ERROR;
        }
    }

    private static int check(CliArguments arguments, PrintStream out) {
        BoundaryConfig config = ConfigLoader.load(arguments.config());
        Baseline baseline = arguments.baseline() == null ? null : Baseline.read(arguments.baseline());
        if (arguments.reportDir() != null && Files.exists(arguments.reportDir()) && !Files.isDirectory(arguments.reportDir())) {
            throw new UsageException("--report-dir: '" + arguments.reportDir() + "' exists and is not a directory");
        }
        BoundaryAnalyzer analyzer = new BoundaryAnalyzer(config);
        ClassIndex classes = ClassesLoader.load(arguments.classes(), analyzer.dependencyFilter());
        AnalysisResult result = analyzer.analyze(classes);
        if (result.classesInContexts() == 0) {
            throw new UsageException("no class of the " + classes.size() + " classes in " + arguments.classes()
                    + " lies in a context of " + config.source() + "; check the packages in the config");
        }
        Evaluation evaluation = Evaluation.of(result, baseline);
        out.print(ConsoleReport.render(evaluation, arguments.freeze()));
        if (arguments.reportDir() != null) {
            writeReports(arguments.reportDir(), evaluation, out);
        }
        if (arguments.freeze()) {
            try {
                Baseline.write(arguments.baseline(), result.findings());
            }
            catch (IOException ex) {
                throw new UsageException("--baseline: cannot write '" + arguments.baseline() + "': " + ex.getMessage());
            }
            int before = baseline == null ? 0 : baseline.entries().size();
            out.println("Baseline " + arguments.baseline() + " recorded: " + result.findings().size() + " entries (was " + before + ": "
                    + evaluation.newFindings().size() + " added, " + evaluation.fixed().size() + " removed).");
            return OK;
        }
        return evaluation.passed() ? OK : VIOLATIONS;
    }

    private static void writeReports(Path directory, Evaluation evaluation, PrintStream out) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(JSON_REPORT), JsonReport.render(evaluation), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve(JUNIT_REPORT), JunitXmlReport.render(evaluation), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve(MARKDOWN_REPORT), MarkdownReport.render(evaluation), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UsageException("--report-dir: cannot write reports to '" + directory + "': " + ex.getMessage());
        }
        out.println("Reports: " + directory.resolve(JSON_REPORT) + ", " + directory.resolve(JUNIT_REPORT) + ", "
                + directory.resolve(MARKDOWN_REPORT));
    }
}
