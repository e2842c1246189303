package dev.banyan.architecture.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.banyan.architecture.rules.BanyanClasses;
import dev.banyan.architecture.rules.BanyanModule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The self-check: the packaged boundary-check runs on this repository's own monolith with the boundaries.yml that
 * ships in this module, and must pass. Its reports stay in target/boundary-check-report for the build's artifacts.
 */
class SelfCheckIntegrationTests {

    static final Path CONFIG = Path.of("boundaries.yml");
    static final Path REPORTS = Path.of("target/boundary-check-report");

    @TempDir
    Path temp;

    @Test
    void monolithRespectsTheBoundariesThatShipInTheRepository() throws Exception {
        Path monolith = monolithClasses();

        BoundaryCheckJarIntegrationTests.Result result = BoundaryCheckJarIntegrationTests.java(
                temp,
                "--classes",
                monolith.toString(),
                "--config",
                CONFIG.toString(),
                "--report-dir",
                REPORTS.toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("5 contexts").contains("No boundary violations. PASSED");
        String markdown = Files.readString(REPORTS.resolve(BoundaryCheck.MARKDOWN_REPORT));
        assertThat(markdown)
                .contains("| from \\ to | catalog | customer | payment | ordering | delivery | total out |");
        assertThat(Files.readString(REPORTS.resolve(BoundaryCheck.JUNIT_REPORT)))
                .contains("failures=\"0\"");
    }

    /**
     * The coupling map that the module README and the migration playbook print for the monolith is the one the
     * self-check computes: every matrix row they show (a line starting {@code | **context** |}) appears verbatim in
     * the report, so the documents cannot drift from the code or from each other.
     */
    @Test
    void documentedCouplingMapsAreTheOneTheSelfCheckComputes() throws Exception {
        BoundaryCheckJarIntegrationTests.Result result = BoundaryCheckJarIntegrationTests.java(
                temp,
                "--classes",
                monolithClasses().toString(),
                "--config",
                CONFIG.toString(),
                "--report-dir",
                temp.resolve("reports").toString());
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        String markdown = Files.readString(temp.resolve("reports").resolve(BoundaryCheck.MARKDOWN_REPORT));

        for (Path document : List.of(Path.of("README.md"), BanyanClasses.root().resolve("migration-playbook.md"))) {
            List<String> rows = Files.readAllLines(document).stream()
                    .filter(line -> line.startsWith("| **"))
                    .toList();
            assertThat(rows).as("matrix rows in " + document).hasSizeGreaterThanOrEqualTo(3);
            assertThat(rows)
                    .as("every matrix row of " + document + " is in the self-check's report:\n" + markdown)
                    .allSatisfy(row -> assertThat(markdown).contains(row));
        }
    }

    @Test
    void selfCheckFailsWhenTheMonolithBreaksItsDeclaredBoundaries() throws Exception {
        Path monolith = monolithClasses();
        Path narrowed = temp.resolve("narrowed.yml");
        // the same contexts, but ordering may no longer call payment
        Files.writeString(
                narrowed,
                Files.readString(CONFIG)
                        .replace("may-use: [catalog, customer, payment]", "may-use: [catalog, customer]"));

        BoundaryCheckJarIntegrationTests.Result result = BoundaryCheckJarIntegrationTests.java(
                temp, "--classes", monolith.toString(), "--config", narrowed.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out())
                .contains("\nordering -> payment  (")
                .contains("[forbidden-dependency] context 'ordering' may not use context 'payment'")
                .contains("dev.banyan.monolith.ordering.");
    }

    private static Path monolithClasses() {
        BanyanClasses.of(BanyanModule.LEGACY_MONOLITH);
        return BanyanClasses.root()
                .resolve(BanyanModule.LEGACY_MONOLITH.directory())
                .resolve("target/classes");
    }
}
