package dev.banyan.architecture.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged executable jar the way CI does: {@code java -jar target/boundary-check.jar ...}.
 */
class BoundaryCheckJarIntegrationTests {

    static final Path JAR = Path.of("target/boundary-check.jar");

    @TempDir
    Path temp;

    record Result(int exitCode, String out, String err) {}

    static Result java(Path workingDir, String... args) throws IOException, InterruptedException {
        return java(workingDir, Map.of(), args);
    }

    static Result java(Path workingDir, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        assertThat(JAR).as("the executable jar is built by 'package'").isRegularFile();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workingDir, "out", ".txt");
        Path err = Files.createTempFile(workingDir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("boundary-check finishes")
                .isTrue();
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void executableJarReportsTheSampleCodebasesViolationsWithExitCodeOne() throws Exception {
        Path reports = temp.resolve("reports");

        Result result = java(
                temp,
                "--classes",
                SampleCodebase.testClasses().toString(),
                "--config",
                SampleCodebase.config().toString(),
                "--report-dir",
                reports.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(result.err()).as("no logging noise on stderr").isEmpty();
        assertThat(result.out()).contains("ordering -> payment  (3 violations)").contains("\n11 violations. FAILED\n");
        assertThat(reports.resolve("boundary-check.json")).isRegularFile();
        assertThat(reports.resolve("TEST-boundary-check.xml")).isRegularFile();
        assertThat(reports.resolve("boundary-check.md")).content().contains("## Context dependency matrix");
    }

    @Test
    void executableJarFreezesAndThenPasses() throws Exception {
        Path baseline = temp.resolve("baseline.txt");
        String classes = SampleCodebase.testClasses().toString();
        String config = SampleCodebase.config().toString();

        Result freeze =
                java(temp, "--classes", classes, "--config", config, "--baseline", baseline.toString(), "--freeze");
        Result check = java(temp, "--classes", classes, "--config", config, "--baseline", baseline.toString());

        assertThat(freeze.exitCode()).isZero();
        assertThat(check.exitCode()).isZero();
        assertThat(check.out()).contains("11 violations: 0 new, 11 in the baseline. 0 fixed. PASSED");
    }

    @Test
    void executableJarExitsWithTwoOnAConfigError() throws Exception {
        Path config = Files.writeString(
                temp.resolve("boundaries.yml"),
                "contexts:\n  ordering: { packages: [com.acme.ordering..], may-use: [billing] }\n");

        Result result = java(temp, "--classes", SampleCodebase.testClasses().toString(), "--config", config.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains(config
                        + ":2 contexts.ordering.may-use[0]: unknown context 'billing' (known contexts: ordering)");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void executableJarPrintsUsage() throws Exception {
        Result usage = java(temp, "--help");
        Result wrong = java(temp, "--classes");

        assertThat(usage.exitCode()).isZero();
        assertThat(usage.out())
                .startsWith("Usage: java -jar boundary-check.jar ")
                .contains("--classes=<dir-or-jar>[,<dir-or-jar>...]");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err())
                .isEqualTo(
                        "boundary-check: Missing required parameter for option '--classes' (<dir-or-jar>)\nRun with --help for usage.\n");
    }

    @Test
    void executableJarPrintsTheProjectVersionFromItsManifest() throws Exception {
        Result version = java(temp, "--version");

        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).isEqualTo("boundary-check " + System.getProperty("boundary-check.version") + "\n");
        assertThat(System.getProperty("boundary-check.version"))
                .as("the build passes the project version")
                .matches("\\d+\\.\\d+.*");
    }
}
