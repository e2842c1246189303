package dev.banyan.rehearsal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One deployable part of the topology, running as its own JVM from its executable jar. */
final class ComponentProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path log;
    private final URI health;

    private ComponentProcess(String name, Process process, Path log, URI health) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.health = health;
    }

    static ComponentProcess start(
            String name, Path jar, List<String> args, Map<String, String> env, Path logDir, URI health, String maxHeap)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The " + name + " jar " + jar + " is missing: build it first with "
                    + "./mvnw -B -q package -DskipTests");
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        return new ComponentProcess(name, builder.start(), log, health);
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    /** Polls the health endpoint until it answers UP; fails fast, naming the log, if the process dies first. */
    void awaitHealthy(Duration timeout, Progress progress) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited with code " + process.exitValue() + " before it became healthy; see " + log);
            }
            if (health == null || isUp()) {
                return;
            }
            progress.tick("waiting for " + name + " to become healthy");
            Thread.sleep(250);
        }
        throw new IllegalStateException(
                name + " did not become healthy within " + timeout.toSeconds() + " s; see " + log);
    }

    private boolean isUp() {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(health)
                            .timeout(Duration.ofSeconds(2))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits for a process that is meant to end by itself (a command rather than a server). */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not finish within " + timeout.toSeconds() + " s; see " + log);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
