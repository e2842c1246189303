package dev.banyan.architecture.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.banyan.architecture.boundary.Baseline;
import dev.banyan.architecture.cli.SampleCodebase.Run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.banyan.architecture.cli.SampleCodebase.config;
import static dev.banyan.architecture.cli.SampleCodebase.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ratchet: record the violations, fail only on new ones, report the fixed ones, shrink the baseline on the next
 * freeze, and keep entries valid while line numbers move. The sample codebase is edited and re-compiled between runs.
 */
class BaselineLifecycleTests {

    private static final String ORDER_SERVICE = "com/acme/ordering/OrderService.java";
    private static final String NON_API_CALL = "        new Products().byId(product); // violation: non-api-access\n";

    @TempDir
    Path temp;

    @Test
    void freezeRecordsFailsOnlyOnNewViolationsReportsFixedOnesAndShrinks() throws IOException {
        Path sources = SampleCodebase.copySources(temp);
        Path baseline = temp.resolve("baseline/boundaries-baseline.txt");

        // 1. freeze the current violations
        Path v1 = SampleCodebase.compile(sources, temp, "v1");
        Run freeze = check(v1, baseline, "--freeze");
        assertThat(freeze.exitCode()).as(freeze.err()).isEqualTo(BoundaryCheck.OK);
        assertThat(freeze.out())
                .contains("11 violations: 11 new, 0 in the baseline. 0 fixed. RECORDING\n")
                .contains("Baseline " + baseline + " recorded: 11 entries (was 0: 11 added, 0 removed).");
        List<String> recorded = entries(baseline);
        assertThat(recorded).hasSize(11).containsExactlyInAnyOrderElementsOf(BoundaryCheckTests.EXPECTED_KEYS);
        assertThat(Files.readString(baseline))
                .startsWith(Baseline.HEADER + "\n")
                .doesNotContainPattern(":\\d+");

        // 2. the same code passes against the baseline
        Run same = check(v1, baseline);
        assertThat(same.exitCode()).as(same.err()).isEqualTo(BoundaryCheck.OK);
        assertThat(same.out())
                .endsWith("11 violations: 0 new, 11 in the baseline. 0 fixed. PASSED\n")
                .contains("baselined [forbidden-dependency]");

        // 3. moving code (all lines shift) keeps every entry valid
        SampleCodebase.edit(
                sources, ORDER_SERVICE, "public class OrderService {\n", "public class OrderService {\n\n\n\n\n");
        Path moved = SampleCodebase.compile(sources, temp, "v2");
        Path movedReports = temp.resolve("moved-reports");
        Run afterMove = check(moved, baseline, "--report-dir", movedReports.toString());
        assertThat(afterMove.exitCode()).as(afterMove.out() + afterMove.err()).isEqualTo(BoundaryCheck.OK);
        assertThat(lineOfPaymentCall(temp.resolve("v1-reports"), v1, baseline))
                .isEqualTo(lineOfPaymentCall(movedReports, null, null) - 4);

        // 4. a new violation fails the check; a fixed one is reported as fixed
        SampleCodebase.edit(sources, ORDER_SERVICE, NON_API_CALL, "");
        SampleCodebase.edit(
                sources,
                "com/acme/ordering/Invoice.java",
                "    private long total;\n",
                "    private long total;\n    private com.acme.payment.PaymentGateway gateway;\n");
        Path changed = SampleCodebase.compile(sources, temp, "v3");
        Path reports = temp.resolve("reports");
        Run failing = check(changed, baseline, "--report-dir", reports.toString());
        assertThat(failing.exitCode()).isEqualTo(BoundaryCheck.VIOLATIONS);
        String newKey =
                "forbidden-dependency | ordering -> payment | com.acme.ordering.Invoice | gateway | field-type | com.acme.payment.PaymentGateway";
        assertThat(failing.out())
                .contains("NEW [forbidden-dependency] context 'ordering' may not use context 'payment'")
                .contains("com.acme.ordering.Invoice.gateway  field-type -> com.acme.payment.PaymentGateway")
                .contains("Fixed since the baseline (run with --freeze to drop them from it):\n  "
                        + BoundaryCheckTests.EXPECTED_KEYS.get(0) + "\n  " + BoundaryCheckTests.EXPECTED_KEYS.get(1)
                        + "\n")
                .contains("\n10 violations: 1 new, 9 in the baseline. 2 fixed. FAILED\n");
        JsonNode json = JsonMapper.builder()
                .build()
                .readTree(reports.resolve(BoundaryCheck.JSON_REPORT).toFile());
        assertThat(json.get("summary").get("new").asInt()).isEqualTo(1);
        assertThat(json.get("summary").get("fixed").asInt()).isEqualTo(2);
        assertThat(json.get("fixed").get(0).asString()).isEqualTo(BoundaryCheckTests.EXPECTED_KEYS.get(0));
        json.get("findings")
                .forEach(finding -> assertThat(finding.get("status").asString())
                        .isEqualTo(finding.get("key").asString().equals(newKey) ? "new" : "baselined"));
        String junit = Files.readString(reports.resolve(BoundaryCheck.JUNIT_REPORT));
        assertThat(junit).contains("failures=\"1\"").contains("skipped=\"9\"").contains("Fixed since the baseline:");
        assertThat(Files.readString(reports.resolve(BoundaryCheck.MARKDOWN_REPORT)))
                .contains("## Fixed since the baseline");

        // 5. fixing the new violation again and re-freezing shrinks the baseline
        SampleCodebase.edit(
                sources,
                "com/acme/ordering/Invoice.java",
                "    private com.acme.payment.PaymentGateway gateway;\n",
                "");
        Path fixed = SampleCodebase.compile(sources, temp, "v4");
        Run refreeze = check(fixed, baseline, "--freeze");
        assertThat(refreeze.exitCode()).isEqualTo(BoundaryCheck.OK);
        assertThat(refreeze.out()).contains("recorded: 9 entries (was 11: 0 added, 2 removed)");
        assertThat(entries(baseline))
                .hasSize(9)
                .isSubsetOf(recorded)
                .doesNotContain(BoundaryCheckTests.EXPECTED_KEYS.get(0), BoundaryCheckTests.EXPECTED_KEYS.get(1));
        assertThat(check(fixed, baseline).exitCode()).isEqualTo(BoundaryCheck.OK);

        // 6. a violation that was fixed and comes back is new again
        Run regression = check(v1, baseline);
        assertThat(regression.exitCode()).isEqualTo(BoundaryCheck.VIOLATIONS);
        assertThat(regression.out())
                .contains("ordering -> catalog  (2 violations, 2 new)\n  NEW [non-api-access]")
                .contains("11 violations: 2 new, 9 in the baseline. 0 fixed. FAILED");
    }

    @Test
    void withoutABaselineFileEveryViolationIsNew() {
        Path missing = temp.resolve("not-yet.txt");

        Run run = run(
                "--classes",
                SampleCodebase.testClasses().toString(),
                "--config",
                config().toString(),
                "--baseline",
                missing.toString());

        assertThat(run.exitCode()).isEqualTo(BoundaryCheck.VIOLATIONS);
        assertThat(run.out()).endsWith("11 violations: 11 new, 0 in the baseline. 0 fixed. FAILED\n");
    }

    private int lineOfPaymentCall(Path reports, Path classes, Path baseline) throws IOException {
        if (classes != null) {
            check(classes, baseline, "--report-dir", reports.toString());
        }
        JsonNode findings = JsonMapper.builder()
                .build()
                .readTree(reports.resolve(BoundaryCheck.JSON_REPORT).toFile())
                .get("findings");
        for (JsonNode finding : findings) {
            if (finding.get("key").asString().equals(BoundaryCheckTests.EXPECTED_KEYS.get(8))) {
                return finding.get("occurrences").get(0).get("line").asInt();
            }
        }
        throw new AssertionError("no payment call found");
    }

    private static Run check(Path classes, Path baseline, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--classes", classes.toString(), "--config", config().toString(), "--baseline", baseline.toString()));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    private static List<String> entries(Path baseline) throws IOException {
        return Files.readAllLines(baseline).stream()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .toList();
    }
}
