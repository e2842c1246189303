package dev.banyan.rehearsal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the quick rehearsal against the jars this build just packaged. */
class QuickRehearsalIntegrationTests {

    @TempDir
    Path workDir;

    @Test
    void quickRehearsalMigratesTheCatalogAndRollsBackWithoutLosingAWrite() throws Exception {
        Path home = Path.of("..").toAbsolutePath().normalize();

        int exit = RehearsalCommand.run(
                "--quick",
                "--context",
                "catalog",
                "--random-ports",
                "--home",
                home.toString(),
                "--work-dir",
                workDir.toString());

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
                        "8 final reconciliation");
        assertThat(exit).isZero();
    }
}
