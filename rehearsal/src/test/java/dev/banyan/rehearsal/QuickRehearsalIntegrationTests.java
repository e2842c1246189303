package dev.banyan.rehearsal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the quick rehearsal (the catalog, then delivery, on one topology) against the jars this build just packaged. */
class QuickRehearsalIntegrationTests {

    @TempDir
    Path workDir;

    @Test
    void quickRehearsalExtractsTheCatalogThenDeliveryWithoutLosingDoublingOrStrandingAnything() throws Exception {
        Path home = Path.of("..").toAbsolutePath().normalize();

        int exit = RehearsalCommand.run(
                "--quick", "--random-ports", "--home", home.toString(), "--work-dir", workDir.toString());

        Path reports = workDir.resolve("reports");
        assertThat(reports).isDirectory();
        Path json;
        try (Stream<Path> files = Files.list(reports)) {
            json = files.filter(file -> file.toString().endsWith(".json"))
                    .findFirst()
                    .orElseThrow();
        }
        String report = Files.readString(json);
        assertThat(report)
                .contains(
                        "\"passed\" : true",
                        "\"failedRequests\" : 0",
                        "\"lostWrites\" : 0",
                        "\"finalDriftedKeys\" : 0",
                        "8 final reconciliation",
                        "D7 reconciliation",
                        "\"stuckOrders\" : 0",
                        "\"duplicateAssignments\" : 0",
                        "\"lostAssignments\" : 0",
                        "\"lostEvents\" : 0",
                        "\"deadLetters\" : 0",
                        "\"shadowDisagreements\" : 0")
                .doesNotContain("\"serviceHandled\" : 0,", "\"rollbackOrders\" : 0,");
        assertThat(exit).isZero();
    }
}
