package dev.banyan.architecture.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import dev.banyan.architecture.boundary.FindingKind;
import dev.banyan.architecture.cli.SampleCodebase.Run;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.banyan.architecture.cli.BoundaryCheckTests.EXPECTED_KEYS;
import static dev.banyan.architecture.cli.BoundaryCheckTests.JSON;
import static dev.banyan.architecture.cli.SampleCodebase.config;
import static dev.banyan.architecture.cli.SampleCodebase.lineOf;
import static dev.banyan.architecture.cli.SampleCodebase.run;
import static dev.banyan.architecture.cli.SampleCodebase.testClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SARIF report, validated against the OASIS SARIF 2.1.0 JSON schema kept under {@code src/test/resources/sarif}.
 */
class SarifReportTests {

    static Schema sarif;

    @TempDir
    Path temp;

    @BeforeAll
    static void loadSchema() throws IOException {
        // sarif-schema-2.1.0.json from https://github.com/oasis-tcs/sarif-spec (sarif-2.1/schema/), the OASIS
        // SARIF 2.1.0 errata 01 schema
        try (InputStream in = SarifReportTests.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            sarif = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(JSON.readTree(in));
        }
    }

    @Test
    void writesSarifThatTheSchemaAccepts() throws IOException {
        JsonNode report = check("--report-dir", temp.toString(), "--source-root", "src/test/java");

        assertThat(sarif.validate(report)).isEmpty();
        ObjectNode broken = (ObjectNode) report.deepCopy();
        ((ObjectNode) broken.get("runs").get(0).get("results").get(0)).put("level", "fatal");
        assertThat(sarif.validate(broken))
                .as("the schema rejects an unknown level")
                .isNotEmpty();
    }

    @Test
    void locatesEveryFindingInItsSourceFileAndLineUnderItsRule() throws IOException {
        JsonNode run = check("--report-dir", temp.toString(), "--source-root", "src/test/java")
                .get("runs")
                .get(0);

        JsonNode rules = run.get("tool").get("driver").get("rules");
        assertThat(rules.valueStream().map(rule -> rule.get("id").asString()))
                .containsExactlyElementsOf(
                        Arrays.stream(FindingKind.values()).map(FindingKind::id).toList());
        assertThat(rules.valueStream().map(rule -> rule.get("help").get("text").asString()))
                .allSatisfy(help -> assertThat(help).hasSizeGreaterThan(40));
        JsonNode results = run.get("results");
        assertThat(results.size()).isEqualTo(EXPECTED_KEYS.size());
        JsonNode charge = results.get(8);
        assertThat(charge.get("ruleId").asString()).isEqualTo("forbidden-dependency");
        assertThat(charge.get("level").asString()).isEqualTo("error");
        assertThat(charge.get("message").get("text").asString())
                .isEqualTo("[ordering -> payment] context 'ordering' may not use context 'payment' (may-use: catalog)");
        JsonNode where = charge.get("locations").get(0).get("physicalLocation");
        assertThat(where.get("artifactLocation").get("uri").asString())
                .isEqualTo("src/test/java/com/acme/ordering/OrderService.java");
        assertThat(where.get("region").get("startLine").asInt())
                .isEqualTo(lineOf("com/acme/ordering/OrderService.java", "violation: forbidden-dependency"));
        JsonNode cycle = results.get(results.size() - 1);
        assertThat(cycle.get("ruleId").asString()).isEqualTo("cycle");
        assertThat(cycle.get("locations")
                        .valueStream()
                        .map(location -> location.get("physicalLocation")
                                .get("artifactLocation")
                                .get("uri")
                                .asString()))
                .containsExactly(
                        "src/test/java/com/acme/ordering/OrderService.java",
                        "src/test/java/com/acme/payment/PaymentGateway.java");
    }

    @Test
    void marksFindingsInTheBaselineAsUnchangedNotes() throws IOException {
        Path baseline = temp.resolve("baseline.txt");
        run(
                "--classes",
                testClasses().toString(),
                "--config",
                config().toString(),
                "--baseline",
                baseline.toString(),
                "--freeze");

        JsonNode results = check("--report-dir", temp.toString(), "--baseline", baseline.toString())
                .get("runs")
                .get(0)
                .get("results");

        assertThat(results.valueStream()
                        .map(result -> result.get("level").asString() + " "
                                + result.get("baselineState").asString()))
                .hasSize(EXPECTED_KEYS.size())
                .containsOnly("note unchanged");
        JsonNode artifact =
                results.get(0).get("locations").get(0).get("physicalLocation").get("artifactLocation");
        assertThat(artifact.get("uriBaseId").asString()).isEqualTo("SRCROOT");
        assertThat(artifact.get("uri").asString()).isEqualTo("com/acme/ordering/OrderService.java");
        assertThat(sarif.validate(
                        JSON.readTree(temp.resolve(BoundaryCheck.SARIF_REPORT).toFile())))
                .isEmpty();
    }

    private JsonNode check(String... options) throws IOException {
        List<String> args = new java.util.ArrayList<>(
                List.of("--classes", testClasses().toString(), "--config", config().toString()));
        args.addAll(List.of(options));
        Run run = run(args.toArray(String[]::new));
        assertThat(run.err()).isEmpty();
        return JSON.readTree(temp.resolve(BoundaryCheck.SARIF_REPORT).toFile());
    }
}
