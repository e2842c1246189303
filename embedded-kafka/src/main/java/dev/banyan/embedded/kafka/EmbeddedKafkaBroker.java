package dev.banyan.embedded.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * A real Apache Kafka broker (KRaft, one node that is both broker and controller) running in a child JVM on
 * 127.0.0.1, with its data in a directory of ours. Every internal topic has replication factor 1 and min ISR 1.
 *
 * <p>Layout of the directory: {@code server.properties} (rewritten on every start), {@code cluster.id} (kept, so
 * the formatted storage is reused), {@code data/} (the log dirs), {@code broker.log} and {@code broker.pid} (the
 * running broker, so a successor can stop a broker whose owner was killed with SIGKILL).
 *
 * <p>About 300 lines on purpose: start, storage format, the wait for start-up and the stop are one child-process
 * lifecycle over the same directory and log. The command line and {@code server.properties} are in
 * {@link BrokerCommand}, taking over from a broker whose owner died in {@link StaleBroker}.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    public static final int DEFAULT_PORT = 19092;
    static final String PID_FILE = "broker.pid";
    static final String LOG_FILE = "broker.log";
    private static final String STARTED = "Kafka Server started";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path dataDirectory;
    private final int port;
    private final boolean ephemeral;
    private final @Nullable Thread shutdownHook;

    private EmbeddedKafkaBroker(
            Process process, Path dataDirectory, int port, boolean ephemeral, @Nullable Thread shutdownHook) {
        this.process = process;
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.ephemeral = ephemeral;
        this.shutdownHook = shutdownHook;
    }

    /**
     * How the broker runs.
     *
     * @param heap the child JVM's {@code -Xmx}, such as {@code 512m}
     * @param ephemeral delete the data directory again on {@link #close()}
     * @param stopOnJvmExit stop the broker from a JVM shutdown hook; an owner that stops it in order itself (a
     *        Spring context) passes {@code false}
     */
    public record Options(String heap, boolean ephemeral, boolean stopOnJvmExit) {

        public Options {
            if (heap == null || !heap.matches("\\d+[kKmMgG]?")) {
                throw new IllegalArgumentException("Embedded Kafka heap must look like 512m or 1g, was " + heap);
            }
        }

        public static Options defaults() {
            return new Options("512m", false, true);
        }

        public Options withHeap(String newHeap) {
            return new Options(newHeap, ephemeral, stopOnJvmExit);
        }

        public Options withEphemeral(boolean newEphemeral) {
            return new Options(heap, newEphemeral, stopOnJvmExit);
        }

        public Options withStopOnJvmExit(boolean stop) {
            return new Options(heap, ephemeral, stop);
        }
    }

    public static EmbeddedKafkaBroker start(Path dataDirectory, int port) {
        return start(dataDirectory, port, Options.defaults());
    }

    /**
     * Starts the broker on {@code dataDirectory}, formatting its storage on first use and reusing it afterwards.
     * Returns once the broker accepts clients.
     *
     * @param port 0 picks a free port
     */
    public static EmbeddedKafkaBroker start(Path dataDirectory, int port, Options options) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Embedded Kafka port must be between 0 and 65535, was " + port);
        }
        Path directory = dataDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "Cannot create the embedded Kafka data directory " + directory + ": " + e, e);
        }
        StaleBroker.stopIfRunning(directory);
        Path log = directory.resolve(LOG_FILE);
        try {
            int brokerPort = port == 0 ? freePort() : requireFree(port);
            int controllerPort = freePort();
            Path config = BrokerCommand.writeServerProperties(directory, brokerPort, controllerPort);
            String classpath = KafkaClasspath.resolve();
            if (!Files.exists(directory.resolve("data").resolve("meta.properties"))) {
                format(directory, config, classpath, options, log);
            }
            long logOffset = Files.exists(log) ? Files.size(log) : 0;
            Process process = new ProcessBuilder(
                            BrokerCommand.javaCommand(options, classpath, directory, "kafka.Kafka", config.toString()))
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            Files.writeString(directory.resolve(PID_FILE), Long.toString(process.pid()));
            awaitStarted(process, log, logOffset, brokerPort);
            Thread hook = null;
            if (options.stopOnJvmExit()) {
                hook = new Thread(() -> stop(process), "embedded-kafka-stop");
                Runtime.getRuntime().addShutdownHook(hook);
            }
            return new EmbeddedKafkaBroker(process, directory, brokerPort, options.ephemeral(), hook);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "Embedded Kafka did not start on data directory " + directory
                            + (port > 0 ? " and port " + port : "") + ": " + e.getMessage() + " (broker log: " + log
                            + ")",
                    e);
        }
    }

    public int port() {
        return port;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public Path logFile() {
        return dataDirectory.resolve(LOG_FILE);
    }

    public long pid() {
        return process.pid();
    }

    /** Stops the broker with SIGTERM (a controlled shutdown), and kills it if it has not stopped in 30 s. */
    @Override
    public void close() {
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or has run
            }
        }
        stop(process);
        try {
            Files.deleteIfExists(dataDirectory.resolve(PID_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dataDirectory.resolve(PID_FILE), e);
        }
        if (ephemeral) {
            deleteRecursively(dataDirectory);
        }
    }

    private static void stop(Process process) {
        stop(process.toHandle());
    }

    static void stop(ProcessHandle process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            process.onExit().join();
        }
    }

    /**
     * A cluster id as Kafka makes them: 16 random bytes in URL-safe Base64, never starting with '-' (the storage
     * tool would read such an id as an option; one id in 64 did).
     */
    static String newClusterId(SecureRandom random) {
        byte[] uuid = new byte[16];
        String id;
        do {
            random.nextBytes(uuid);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(uuid);
        } while (id.startsWith("-"));
        return id;
    }

    /** Formats the storage once; the cluster id stays in the directory so a wiped log dir keeps its identity. */
    private static void format(Path directory, Path config, String classpath, Options options, Path log)
            throws IOException {
        Path clusterIdFile = directory.resolve("cluster.id");
        if (!Files.exists(clusterIdFile)) {
            Files.writeString(clusterIdFile, newClusterId(new SecureRandom()));
        }
        String clusterId = Files.readString(clusterIdFile).trim();
        Process format = new ProcessBuilder(BrokerCommand.javaCommand(
                        options,
                        classpath,
                        directory,
                        "kafka.tools.StorageTool",
                        "format",
                        // one argument: an id starting with '-' (made before ids avoided it) is not an option
                        "--cluster-id=" + clusterId,
                        "--config",
                        config.toString(),
                        "--ignore-formatted"))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            if (!format.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                format.destroyForcibly();
                throw new IllegalStateException("formatting the storage took longer than " + START_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            format.destroyForcibly();
            throw new IllegalStateException("interrupted while formatting the storage", e);
        }
        if (format.exitValue() != 0) {
            throw new IllegalStateException("formatting the storage (kafka-storage format) failed with exit code "
                    + format.exitValue() + ": " + lastLines(log, 0));
        }
    }

    private static void awaitStarted(Process process, Path log, long logOffset, int brokerPort) throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the broker exited with code " + process.exitValue()
                        + " during start-up: " + lastLines(log, logOffset));
            }
            if (logSince(log, logOffset).contains(STARTED)) {
                return;
            }
            try {
                process.waitFor(100, TimeUnit.MILLISECONDS); // returns early if the broker dies
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop(process);
                throw new IllegalStateException("interrupted while waiting for the broker on port " + brokerPort, e);
            }
        }
        stop(process);
        throw new IllegalStateException("the broker did not report '" + STARTED + "' within " + START_TIMEOUT);
    }

    private static String logSince(Path log, long offset) throws IOException {
        byte[] all = Files.readAllBytes(log);
        int from = (int) Math.min(offset, all.length);
        return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }

    /** The broker's error lines since {@code offset} (or its last lines), to put in the exception message. */
    private static String lastLines(Path log, long offset) {
        try {
            List<String> lines = logSince(log, offset).lines().toList();
            List<String> errors = lines.stream()
                    .filter(line -> line.contains("ERROR") || line.contains("Exception"))
                    .limit(3)
                    .toList();
            List<String> chosen =
                    errors.isEmpty() ? lines.subList(Math.max(0, lines.size() - 3), lines.size()) : errors;
            return String.join(" | ", chosen);
        } catch (IOException e) {
            return "(cannot read " + log + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static int requireFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return port;
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " on 127.0.0.1 is not free (" + e.getMessage() + ")", e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete embedded Kafka directory " + directory, e);
        }
    }
}
