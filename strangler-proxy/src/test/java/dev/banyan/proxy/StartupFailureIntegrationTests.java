package dev.banyan.proxy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** An invalid routes file at start-up stops the proxy with a non-zero exit and a message naming the problem. */
class StartupFailureIntegrationTests {

    @TempDir
    Path dir;

    private Result launch(String... args) throws IOException, InterruptedException {
        Path log = dir.resolve("out.log");
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Xmx256m",
                StranglerProxyApplication.class.getName(),
                "--server.port=0",
                "--banyan.admin.port=0"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the proxy did not stop:\n" + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {}

    @Test
    void invalidFileStopsTheProxyWithNonZeroExitNamingFileLineFieldAndReason() throws Exception {
        Path routes = dir.resolve("routes.yml");
        Files.writeString(routes, """
                legacy: {uri: http://localhost:8081}
                services:
                  catalog: {uri: http://localhost:8082}
                routes:
                  - id: catalog-reads
                    service: catalog
                    paths: [/api/restaurants/**]
                    stage: CANARY
                    percent: 101
                """);
        Result result = launch("--banyan.routes=" + routes);
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output())
                .contains("The routes file " + routes.toAbsolutePath() + " is invalid")
                .contains(routes.toAbsolutePath() + ":9  routes[0].percent: must be between 0 and 100 (was 101)");
    }

    @Test
    void missingFileStopsTheProxyAndSaysHowToNameOne() throws Exception {
        Result result = launch("--banyan.routes=" + dir.resolve("nowhere.yml"));
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("nowhere.yml").contains("not found; name it with --banyan.routes=PATH");
    }
}
