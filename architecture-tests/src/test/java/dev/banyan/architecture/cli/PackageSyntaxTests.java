package dev.banyan.architecture.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.banyan.architecture.cli.SampleCodebase.Run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static dev.banyan.architecture.cli.BoundaryCheckTests.JSON;
import static dev.banyan.architecture.cli.SampleCodebase.run;
import static dev.banyan.architecture.cli.SampleCodebase.testClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ArchUnit's package syntax in {@code boundaries.yml}, and the configuration problems that only the classes show.
 */
class PackageSyntaxTests {

    @TempDir
    Path temp;

    @Test
    void createsOneContextPerCapturedPackageWithTheFindingsOfDeclaringEachByHand() throws IOException {
        Path captured = write("captured.yml", """
                contexts:
                  $1: { packages: ["com.acme.(*).."], may-use: [catalog] }
                """);
        Path declared = write("declared.yml", """
                contexts:
                  catalog:  { packages: [com.acme.catalog..] }
                  ordering: { packages: [com.acme.ordering..], may-use: [catalog] }
                  payment:  { packages: [com.acme.payment..], may-use: [catalog] }
                  shared:   { packages: [com.acme.shared..], may-use: [catalog] }
                """);

        Run byCapture = freeze(captured, "captured");
        Run byHand = freeze(declared, "declared");

        assertThat(byCapture.exitCode()).as(byCapture.err()).isZero();
        assertThat(byHand.exitCode()).as(byHand.err()).isZero();
        String baseline = Files.readString(temp.resolve("declared.txt"));
        assertThat(baseline).contains("forbidden-dependency | ordering -> payment", "ordering -> shared");
        assertThat(Files.readString(temp.resolve("captured.txt"))).isEqualTo(baseline);
        JsonNode contexts = JSON.readTree(
                        temp.resolve("captured/boundary-check.json").toFile())
                .get("contexts");
        assertThat(contexts.valueStream().map(context -> context.get("name").asString()))
                .containsExactly("catalog", "ordering", "payment", "shared");
    }

    @Test
    void readsWildcardsAndAlternativesLikeArchUnit() throws IOException {
        Path config = write("boundaries.yml", """
                contexts:
                  catalog:  { packages: ["com.acme.cat*.."], api: ["..api.."] }
                  ordering: { packages: ["com.acme.[ordering|payment].."], may-use: [catalog] }
                rules: { ddd: false, no-cycles: false }
                """);

        Run run = run("--classes", testClasses().toString(), "--config", config.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(BoundaryCheck.VIOLATIONS);
        assertThat(run.out())
                .contains("ordering -> catalog  (2 violations)")
                .contains("[non-api-access] com.acme.catalog.internal.Products is not in the API of context"
                        + " 'catalog' [..api..]")
                .contains("2 violations. FAILED");
    }

    @Test
    void reportsEveryPatternThatFitsNoClassWithItsLineAtOnce() throws IOException {
        Path config = write("boundaries.yml", """
                contexts:
                  catalog:   { packages: [com.acme.catalog..], api: [com.acme.catalog.apis..] }
                  ordering:  { packages: [com.acme.orders..] }
                  internals: { packages: ["..internal.."] }
                """);

        Run run = run("--classes", testClasses().toString(), "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(BoundaryCheck.USAGE_ERROR);
        assertThat(run.err())
                .startsWith("boundary-check: configuration error: " + config + ": 3 problems\n")
                .contains("\n  " + config + ":2 contexts.catalog.api[0]: 'com.acme.catalog.apis..' matches no"
                        + " package of the classes checked")
                .contains("\n  " + config + ":3 contexts.ordering.packages[0]: 'com.acme.orders..' matches no"
                        + " package of the classes checked")
                .contains("\n  " + config + ":4 contexts.internals.packages[0]: package 'com.acme.catalog.internal'"
                        + " is also matched by contexts.catalog.packages[0] (line 2); a package can belong to one"
                        + " context only");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void rejectsAContextThatCapturesCreateUnderADeclaredName() throws IOException {
        Path config = write("boundaries.yml", """
                contexts:
                  payment: { packages: [com.acme.payment..] }
                  $1:      { packages: ["com.acme.(*).."] }
                """);

        Run run = run("--classes", testClasses().toString(), "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(BoundaryCheck.USAGE_ERROR);
        assertThat(run.err())
                .contains(config + ":3 contexts.$1.packages[0]: package 'com.acme.payment' is also matched by"
                        + " contexts.payment.packages[0] (line 2)");
    }

    private Run freeze(Path config, String name) {
        return run(
                "--classes",
                testClasses().toString(),
                "--config",
                config.toString(),
                "--baseline",
                temp.resolve(name + ".txt").toString(),
                "--freeze",
                "--report-dir",
                temp.resolve(name).toString());
    }

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(temp.resolve(name), yaml);
    }
}
