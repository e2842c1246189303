package dev.banyan.architecture.junit;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.banyan.architecture.boundary.ConfigException;

import com.acme.ordering.Order;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The JUnit entry point on the sample codebase under {@code com.acme}: one test per context pair, per context and for
 * cycles, failing on exactly the pairs with new violations.
 */
class BoundaryTestsTests {

    @TempDir
    Path temp;

    @Test
    void makesOneTestPerDependingContextPairPerContextAndForCycles() throws Exception {
        List<DynamicTest> tests = BoundaryTests.check(sampleClasses())
                .config(sampleConfig())
                .tests()
                .toList();

        assertThat(tests.stream().map(DynamicTest::getDisplayName))
                .containsExactly(
                        "catalog (within the context)",
                        "ordering -> catalog",
                        "ordering (within the context)",
                        "ordering -> payment",
                        "payment -> ordering",
                        "payment (within the context)",
                        "no cycles between contexts");
        Map<String, String> failures = failures(tests);
        assertThat(failures.keySet())
                .containsExactly(
                        "ordering -> catalog",
                        "ordering (within the context)",
                        "ordering -> payment",
                        "payment -> ordering",
                        "no cycles between contexts");
        assertThat(failures.get("ordering -> payment"))
                .startsWith("ordering -> payment: 3 new violations\n")
                .contains("[forbidden-dependency] context 'ordering' may not use context 'payment'")
                .contains("at OrderService.java:");
    }

    @Test
    void passesViolationsRecordedInTheBaseline() throws Exception {
        Path baseline = temp.resolve("baseline.txt");
        dev.banyan.architecture.cli.BoundaryCheck.run(
                new String[] {
                    "--classes", sampleClasses().toString(),
                    "--config", sampleConfig().toString(),
                    "--baseline", baseline.toString(),
                    "--freeze"
                },
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        Files.writeString(
                baseline,
                Files.readString(baseline)
                        .lines()
                        .filter(entry -> !entry.startsWith("forbidden-dependency | ordering -> payment"))
                        .collect(Collectors.joining("\n", "", "\n")));

        Map<String, String> failures = failures(BoundaryTests.check(sampleClasses())
                .config(sampleConfig())
                .baseline(baseline)
                .tests()
                .toList());

        assertThat(failures).containsOnlyKeys("ordering -> payment");
        assertThat(failures.get("ordering -> payment")).startsWith("ordering -> payment: 3 new violations\n");
    }

    @Test
    void failsTheFactoryOnAConfigurationErrorWithItsLine() throws IOException {
        Path config = Files.writeString(temp.resolve("boundaries.yml"), """
                contexts:
                  catalog: { packages: [com.acme.catalog..], may-use: [billing] }
                """);

        assertThatThrownBy(() ->
                        BoundaryTests.check(sampleClasses()).config(config).tests())
                .isInstanceOf(ConfigException.class)
                .hasMessage(config + ":2 contexts.catalog.may-use[0]: unknown context 'billing' (known contexts:"
                        + " catalog)");
    }

    private static Map<String, String> failures(List<DynamicTest> tests) {
        Map<String, String> failures = new java.util.LinkedHashMap<>();
        for (DynamicTest test : tests) {
            Throwable failure = catchThrowable(() -> test.getExecutable().execute());
            if (failure != null) {
                assertThat(failure).isInstanceOf(AssertionFailedError.class);
                failures.put(test.getDisplayName(), failure.getMessage());
            }
        }
        return failures;
    }

    static Path sampleClasses() throws URISyntaxException {
        return Path.of(
                Order.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    static Path sampleConfig() throws URISyntaxException {
        return sampleClasses().resolve("boundaries/acme.yml");
    }
}
