package dev.banyan.architecture.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar renders the DOT graph to SVG with Graphviz's {@code dot} when the PATH has one, and goes without it
 * when not. A stand-in {@code dot} records how it was called, so the test does not need Graphviz installed.
 */
class ContextGraphIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void rendersSvgWithDotFromThePath() throws Exception {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path dot = Files.writeString(bin.resolve("dot"), """
                #!/bin/sh
                # stand-in for Graphviz: dot -Tsvg -o OUT IN
                [ "$1" = "-Tsvg" ] && [ "$2" = "-o" ] || exit 3
                { echo '<svg xmlns="http://www.w3.org/2000/svg">'; cat "$4"; echo '</svg>'; } > "$3"
                """);
        Files.setPosixFilePermissions(dot, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path reports = temp.resolve("reports");

        BoundaryCheckJarIntegrationTests.Result result = check(Map.of("PATH", bin + ":/usr/bin:/bin"), reports);

        assertThat(result.out()).contains(", " + reports.resolve(BoundaryCheck.SVG_GRAPH));
        assertThat(Files.readString(reports.resolve(BoundaryCheck.SVG_GRAPH)))
                .startsWith("<svg")
                .contains("\"ordering\" -> \"payment\"");
    }

    @Test
    void writesOnlyTheDotFileWithoutGraphviz() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        Path reports = temp.resolve("reports");

        BoundaryCheckJarIntegrationTests.Result result = check(Map.of("PATH", empty.toString()), reports);

        assertThat(result.out()).contains("(no SVG: Graphviz 'dot' is not on the PATH)");
        assertThat(reports.resolve(BoundaryCheck.DOT_GRAPH)).isRegularFile();
        assertThat(reports.resolve(BoundaryCheck.SVG_GRAPH)).doesNotExist();
    }

    private BoundaryCheckJarIntegrationTests.Result check(Map<String, String> environment, Path reports)
            throws Exception {
        Path config = Files.writeString(temp.resolve("boundaries.yml"), ContextGraphTests.CONFIG);
        BoundaryCheckJarIntegrationTests.Result result = BoundaryCheckJarIntegrationTests.java(
                temp,
                environment,
                "--classes",
                SampleCodebase.testClasses().toString(),
                "--config",
                config.toString(),
                "--report-dir",
                reports.toString());
        assertThat(result.exitCode()).as(result.err()).isEqualTo(BoundaryCheck.VIOLATIONS);
        return result;
    }
}
