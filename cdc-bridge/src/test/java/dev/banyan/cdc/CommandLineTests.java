package dev.banyan.cdc;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parsing and exit codes of the command line, in-process and without Spring or a database: every case here ends
 * before a pipeline would start.
 */
class CommandLineTests {

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {}

    static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CdcBridgeCommand.execute(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void noArgumentsPrintsUsageAndExitsTwoWithoutAStackTrace() {
        Result result = cli();
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err())
                .contains("name a command")
                .contains("Usage: cdc-bridge")
                .contains("run")
                .contains("verify")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "run", "verify", "cleanup"})
    void helpOnEveryCommandPrintsUsageAndExitsZero(String command) {
        Result result = command.isEmpty() ? cli("--help") : cli(command, "--help");
        assertThat(result.exit()).isZero();
        assertThat(result.out())
                .contains("Usage: cdc-bridge" + (command.isEmpty() ? "" : " " + command))
                .contains("--version");
        if (!command.isEmpty()) {
            assertThat(result.out()).contains("--config=<file>");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "run", "verify", "cleanup"})
    void versionOnEveryCommandNamesTheBridgeAndDebezium(String command) {
        Result result = command.isEmpty() ? cli("--version") : cli(command, "--version");
        assertThat(result.exit()).isZero();
        assertThat(result.out()).startsWith("cdc-bridge ").contains("Debezium 3.");
    }

    @Test
    void runReadsTheConfigGivenWithAnEqualsSign() {
        Path missing = dir.resolve("missing.yml");
        Result result = cli("run", "--config=" + missing);
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("cdc-bridge: " + missing + ": file does not exist" + System.lineSeparator());
    }

    @Test
    void verifyReadsTheConfigGivenAsASeparateArgument() {
        Path missing = dir.resolve("missing.yml");
        Result result = cli("verify", "--config", missing.toString(), "--pipeline=catalog-forward");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains(missing + ": file does not exist");
    }

    @Test
    void aMissingConfigOptionIsAUsageError() {
        Result result = cli("verify", "--pipeline", "catalog-forward");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err())
                .contains("Missing required option: '--config=<file>'")
                .contains("Usage: cdc-bridge verify");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Result result = cli("sync", "--config", "cdc.yml");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("Unmatched arguments from index 0: 'sync'");
    }

    @Test
    void runRefusesAnUnknownOptionInsteadOfPassingItToSpring() {
        Result result = cli("run", "--config", dir.resolve("cdc.yml").toString(), "--confg=other.yml");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("unknown option '--confg=other.yml'");
    }

    @Test
    void verifyRefusesOptionsItDoesNotKnow() {
        Result result = cli("verify", "--config", "cdc.yml", "--server.port=0");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown option: '--server.port=0'");
    }

    @Test
    void verifyRefusesAChunkSizeThatIsNotANumberOrOutOfRange() {
        Result notANumber = cli("verify", "--config", "cdc.yml", "--chunk-size", "ten");
        assertThat(notANumber.exit()).isEqualTo(2);
        assertThat(notANumber.err()).contains("Invalid value for option '--chunk-size': 'ten' is not an int");
        Result tooSmall = cli("verify", "--config", "cdc.yml", "--chunk-size=5");
        assertThat(tooSmall.exit()).isEqualTo(2);
        assertThat(tooSmall.err()).contains("--chunk-size must be between 100 and 1000000, was 5");
    }
}
