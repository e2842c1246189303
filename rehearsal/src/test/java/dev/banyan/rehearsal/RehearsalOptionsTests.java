package dev.banyan.rehearsal;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RehearsalOptionsTests {

    @Test
    void quickShortensEveryStep() {
        assertThat(RehearsalOptions.parse("--quick").stepTraffic()).isEqualTo(Duration.ofSeconds(4));
        assertThat(RehearsalOptions.parse().stepTraffic()).isEqualTo(Duration.ofSeconds(20));
        assertThat(RehearsalOptions.parse("--quick", "--step-seconds", "9").stepTraffic()).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void workDirDefaultsToTheBanyanFolderOfHome() {
        RehearsalOptions options = RehearsalOptions.parse("--home", "/opt/banyan");
        assertThat(options.workDir().toString()).isEqualTo("/opt/banyan/.banyan");
    }

    @Test
    void rejectsAnUnknownOptionByName() {
        assertThatThrownBy(() -> RehearsalOptions.parse("--quik"))
                .isInstanceOf(RehearsalOptions.UsageException.class).hasMessage("Unknown option '--quik'");
    }

    @Test
    void rejectsAMissingOrBadValueNamingTheOption() {
        assertThatThrownBy(() -> RehearsalOptions.parse("--rate"))
                .hasMessage("Option --rate needs a value");
        assertThatThrownBy(() -> RehearsalOptions.parse("--rate", "fast"))
                .hasMessage("Option --rate must be a whole number, was 'fast'");
        assertThatThrownBy(() -> RehearsalOptions.parse("--step-seconds", "0"))
                .hasMessage("Option --step-seconds must be between 1 and 600, was 0");
    }

    @Test
    void helpIsNotAnError() {
        assertThat(RehearsalCommand.run("--help")).isZero();
        assertThat(RehearsalCommand.run("--bogus")).isEqualTo(2);
    }
}
