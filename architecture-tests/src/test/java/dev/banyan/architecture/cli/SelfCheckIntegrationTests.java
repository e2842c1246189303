package dev.banyan.architecture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.banyan.architecture.rules.BanyanClasses;
import dev.banyan.architecture.rules.BanyanModule;

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

        BoundaryCheckJarIntegrationTests.Result result = BoundaryCheckJarIntegrationTests.java(temp, "--classes", monolith.toString(),
                "--config", CONFIG.toString(), "--report-dir", REPORTS.toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("5 contexts").contains("No boundary violations. PASSED");
        String markdown = Files.readString(REPORTS.resolve(BoundaryCheck.MARKDOWN_REPORT));
        assertThat(markdown).contains("| from \\ to | catalog | customer | payment | ordering | delivery | total out |");
        assertThat(Files.readString(REPORTS.resolve(BoundaryCheck.JUNIT_REPORT))).contains("failures=\"0\"");
    }

    @Test
    void selfCheckFailsWhenTheMonolithBreaksItsDeclaredBoundaries() throws Exception {
        Path monolith = monolithClasses();
        Path narrowed = temp.resolve("narrowed.yml");
        // the same contexts, but ordering may no longer call payment
        Files.writeString(narrowed, Files.readString(CONFIG).replace("may-use: [catalog, customer, payment]", "may-use: [catalog, customer]"));

        BoundaryCheckJarIntegrationTests.Result result = BoundaryCheckJarIntegrationTests.java(temp, "--classes", monolith.toString(),
                "--config", narrowed.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("\nordering -> payment  (").contains("[forbidden-dependency] context 'ordering' may not use context 'payment'")
                .contains("dev.banyan.monolith.ordering.");
    }

    private static Path monolithClasses() {
        BanyanClasses.of(BanyanModule.LEGACY_MONOLITH);
        return BanyanClasses.root().resolve(BanyanModule.LEGACY_MONOLITH.directory()).resolve("target/classes");
    }
}
