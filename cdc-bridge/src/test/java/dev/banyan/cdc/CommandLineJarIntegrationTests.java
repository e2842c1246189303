package dev.banyan.cdc;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.banyan.cdc.support.CatalogSchema;
import dev.banyan.cdc.support.Configs;
import dev.banyan.cdc.support.TestDatabases;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line as a user runs it: a separate JVM on the packaged jar (the test classpath when the jar is not built
 * yet), reading its exit code and both output streams.
 */
class CommandLineJarIntegrationTests {

    @TempDir
    static Path dir;

    static TestDatabases.Pair db;

    @BeforeAll
    static void setUp() {
        db = TestDatabases.pair("cli_jar");
    }

    record Result(int exit, String out, String err) {}

    static Result java(String... args) throws Exception {
        Path jar = Path.of("target", "cdc-bridge.jar");
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1"));
        command.addAll(
                Files.isRegularFile(jar)
                        ? List.of("-jar", jar.toString())
                        : List.of("-cp", System.getProperty("java.class.path"), CdcBridgeApplication.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out-", ".txt");
        Path err = Files.createTempFile(dir, "err-", ".txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the command ends").isTrue();
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsTheCommandsAndExitsZero() throws Exception {
        Result result = java("--help");
        assertThat(result.exit()).isZero();
        assertThat(result.out())
                .contains("Usage: cdc-bridge")
                .contains("run")
                .contains("verify")
                .contains("Exit codes:");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void verifyWithConfigEqualsFileComparesThatFile() throws Exception {
        Path config = Configs.write(
                dir, Configs.pipeline("cli-jar", db.monolithUrl(), db.catalogUrl(), "", CatalogSchema.FORWARD_TABLES));
        Result result = java("verify", "--config=" + config);
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("pipeline cli-jar:").contains("result: IN SYNC (4 table(s))");
    }

    @Test
    void aWrongConfigPathNamesTheFileAndExitsTwoWithoutAStackTrace() throws Exception {
        Path missing = dir.resolve("no-such-dir").resolve("cdc.yml");
        Result result = java("run", "--config", missing.toString());
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("cdc-bridge: " + missing + ": file does not exist");
        assertThat(result.out()).doesNotContain("Exception");
    }
}
