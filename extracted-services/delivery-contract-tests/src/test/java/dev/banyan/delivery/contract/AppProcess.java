package dev.banyan.delivery.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;

/**
 * One application started from its boot jar as a separate process, on free ports of its own and on a throw-away
 * embedded PostgreSQL ({@code banyan.embedded-db.ephemeral=true}). Its console output goes to a log file.
 */
final class AppProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final Pattern HTTP_PORT = Pattern.compile("Tomcat started on port (\\d+)");
    private static final Pattern DATABASE = Pattern.compile("Embedded PostgreSQL: (jdbc:postgresql://\\S+)");

    private final String name;
    private final Process process;
    private final Path log;
    private volatile int httpPort;
    private volatile String jdbcUrl;

    private AppProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code jar} on port 0 for HTTP and for its database (no race for a port picked in advance), reads the
     * ports the application reports in its log and waits until {@code /actuator/health/readiness} answers UP
     * (both applications report ready only once their start-up work, such as the monolith's demo data, is done).
     *
     * @param database the embedded database the application uses (its {@code banyan.embedded-db.database})
     */
    static AppProcess start(String name, Path jar, String database, Path logDirectory, List<String> extraArguments) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The " + name + " boot jar " + jar + " does not exist; build it first "
                    + "(./mvnw verify builds every module in order)");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx512m");
        command.add("-Dfile.encoding=UTF-8");
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=0");
        command.add("--banyan.embedded-db.port=0");
        command.add("--banyan.embedded-db.ephemeral=true");
        command.add("--banyan.embedded-db.database=" + database);
        command.addAll(extraArguments);
        try {
            Files.createDirectories(logDirectory);
            Path log = logDirectory.resolve(name + ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            AppProcess app = new AppProcess(name, process, log);
            app.awaitHealthy();
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + " from " + jar, e);
        }
    }

    private void awaitHealthy() {
        try {
            Awaitility.await(name + " to report its ports and UP on /actuator/health/readiness")
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(300))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(name + " exited with " + process.exitValue()
                                    + " during start-up; its log ends with:\n" + logTail());
                        }
                        return portsReported() && healthy();
                    });
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private boolean portsReported() throws IOException {
        if (httpPort > 0 && jdbcUrl != null) {
            return true;
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Matcher http = HTTP_PORT.matcher(output);
        Matcher database = DATABASE.matcher(output);
        if (http.find() && database.find()) {
            jdbcUrl = database.group(1);
            httpPort = Integer.parseInt(http.group(1));
            return true;
        }
        return false;
    }

    private boolean healthy() {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(2))
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

    String name() {
        return name;
    }

    String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log " + log + " unreadable: " + e.getMessage() + ")";
        }
    }

    /** Stops the application gracefully, so it stops its PostgreSQL and deletes the throw-away data. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
