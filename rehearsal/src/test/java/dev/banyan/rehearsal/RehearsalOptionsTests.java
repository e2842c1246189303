package dev.banyan.rehearsal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.ParameterException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RehearsalOptionsTests {

    @Test
    void quickShortensEveryStep() {
        assertThat(RehearsalOptions.parse("--quick").stepTraffic()).isEqualTo(Duration.ofSeconds(4));
        assertThat(RehearsalOptions.parse().stepTraffic()).isEqualTo(Duration.ofSeconds(20));
        assertThat(RehearsalOptions.parse("--quick", "--step-seconds", "9").stepTraffic())
                .isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void workDirDefaultsToTheBanyanFolderOfHome() {
        RehearsalOptions options = RehearsalOptions.parse("--home", "/opt/banyan");
        assertThat(options.workDir().toString()).isEqualTo("/opt/banyan/.banyan");
    }

    @Test
    void takesValuesAfterAnEqualsSignToo() {
        RehearsalOptions options = RehearsalOptions.parse("--rate=55", "--step-seconds=7", "--work-dir=/tmp/rehearsal");
        assertThat(options.requestsPerSecond()).isEqualTo(55);
        assertThat(options.stepTraffic()).isEqualTo(Duration.ofSeconds(7));
        assertThat(options.workDir().toString()).isEqualTo("/tmp/rehearsal");
    }

    @Test
    void runsBothExtractionsUnlessAContextIsNamed() {
        assertThat(RehearsalOptions.parse().context()).isEqualTo(RehearsalOptions.Context.ALL);
        assertThat(RehearsalOptions.parse("--context", "delivery").context())
                .isEqualTo(RehearsalOptions.Context.DELIVERY);
        assertThat(RehearsalOptions.parse("--context=CATALOG").context()).isEqualTo(RehearsalOptions.Context.CATALOG);
        assertThat(RehearsalOptions.Context.ALL.catalog()).isTrue();
        assertThat(RehearsalOptions.Context.ALL.delivery()).isTrue();
        assertThat(RehearsalOptions.Context.CATALOG.delivery()).isFalse();
        assertThat(RehearsalOptions.Context.DELIVERY.catalog()).isFalse();
    }

    @Test
    void rejectsAnUnknownContextNamingTheChoices() {
        assertThatThrownBy(() -> RehearsalOptions.parse("--context", "payment"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("--context")
                .hasMessageContaining("expected one of catalog, delivery, all but was 'payment'");
    }

    @Test
    void onlyTheDeliveryExtractionNeedsTheDeliveryServiceJar(@TempDir Path notACheckout) {
        assertThat(Topology.missingJars(notACheckout, RehearsalOptions.Context.CATALOG))
                .doesNotContain(Topology.DELIVERY_JAR)
                .contains(Topology.MONOLITH_JAR);
        assertThat(Topology.missingJars(notACheckout, RehearsalOptions.Context.DELIVERY))
                .contains(Topology.DELIVERY_JAR, Topology.BRIDGE_JAR);
        assertThat(Topology.missingJars(notACheckout, RehearsalOptions.Context.ALL))
                .contains(Topology.DELIVERY_JAR);
    }

    @Test
    void rejectsAnUnknownOptionByName() {
        assertThatThrownBy(() -> RehearsalOptions.parse("--quik"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("'--quik'");
    }

    @Test
    void rejectsAMissingOrBadValueNamingTheOption() {
        assertThatThrownBy(() -> RehearsalOptions.parse("--rate"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("--rate");
        assertThatThrownBy(() -> RehearsalOptions.parse("--rate", "fast"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("--rate")
                .hasMessageContaining("'fast'");
        assertThatThrownBy(() -> RehearsalOptions.parse("--step-seconds", "0"))
                .hasMessage("Option --step-seconds must be between 1 and 600, was 0");
        assertThatThrownBy(() -> RehearsalOptions.parse("--rate=2001"))
                .hasMessage("Option --rate must be between 1 and 2000, was 2001");
    }

    @Test
    void helpAndVersionAreNotErrorsAndUsageErrorsExitWithTwo() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(RehearsalCommand.run("--help")).isZero();
            assertThat(RehearsalCommand.run("--version")).isZero();
            assertThat(RehearsalCommand.run("--bogus")).isEqualTo(2);
            assertThat(RehearsalCommand.run("--rate=0")).isEqualTo(2);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains(
                        "Usage: rehearse",
                        "--step-seconds=N",
                        "--context=NAME",
                        "catalog, delivery or all",
                        "Exit codes:")
                .contains("rehearse ")
                .contains("Unknown option: '--bogus'")
                .contains("Option --rate must be between 1 and 2000, was 0");
    }

    @Test
    void aHomeWithoutTheBuiltJarsIsAUsageErrorNamingWhatIsMissing(@TempDir Path notACheckout) {
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(RehearsalCommand.run("--home=" + notACheckout)).isEqualTo(2);
        } finally {
            System.setErr(err);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("--home " + notACheckout + " is not a built Banyan checkout: missing "
                        + "legacy-monolith/target/legacy-monolith.jar, ")
                .contains("cdc-bridge/target/cdc-bridge.jar")
                .contains("extracted-services/delivery-service/target/delivery-service.jar")
                .contains("./mvnw -B package -DskipTests");
        assertThat(notACheckout.resolve(".banyan")).doesNotExist();
    }
}
