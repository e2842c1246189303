package dev.banyan.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server whose data lives in a directory of ours, with logical decoding switched on so the
 * CDC bridge can read its WAL. Used by every component that runs "on the embedded default".
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final boolean ephemeral;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, boolean ephemeral) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.ephemeral = ephemeral;
    }

    /**
     * Starts PostgreSQL on {@code dataDirectory}, initialising it on first use and reusing its data afterwards.
     *
     * @param port 0 picks a free port
     * @param ephemeral delete the directory again on {@link #close()}
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean ephemeral) {
        return start(dataDirectory, port, ephemeral, Map.of());
    }

    public static EmbeddedPostgresServer start(
            Path dataDirectory, int port, boolean ephemeral, Map<String, String> extraServerConfig) {
        return start(dataDirectory, port, ephemeral, extraServerConfig, true);
    }

    /**
     * @param stopOnJvmExit stop PostgreSQL from a JVM shutdown hook of its own. An owner that stops the server in
     *        order itself (a Spring context, whose beans may still write on shutdown) passes {@code false}, so the
     *        database does not disappear under them.
     */
    public static EmbeddedPostgresServer start(
            Path dataDirectory,
            int port,
            boolean ephemeral,
            Map<String, String> extraServerConfig,
            boolean stopOnJvmExit) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot create the embedded PostgreSQL data directory " + directory + ": " + e.getMessage(), e);
        }
        StalePostmaster.stopIfRunning(directory);
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(stopOnJvmExit)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_replication_slots", "16")
                    .setServerConfig("max_wal_senders", "16")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("track_commit_timestamp", "on")
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("fsync", "on");
            extraServerConfig.forEach(builder::setServerConfig);
            if (port > 0) {
                builder.setPort(port);
            }
            return new EmbeddedPostgresServer(builder.start(), directory, ephemeral);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "Embedded PostgreSQL did not start on data directory " + directory
                            + (port > 0 ? " and port " + port : "") + ": " + e.getMessage() + rootHint(),
                    e);
        }
    }

    /**
     * PostgreSQL refuses to run as root. As root, the zonky launcher runs it through {@code unshare -U} as an
     * unprivileged user of a new user namespace; where that is unavailable (no util-linux, or user namespaces
     * disabled, as in many containers) the start fails with initdb's terse message, so say what to do.
     */
    static String rootHint() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "";
        }
        return ". Running as root: PostgreSQL never runs as root, so it is started through 'unshare -U' in a user"
                + " namespace; if that is not possible here (no unshare, or user namespaces disabled), run as an"
                + " ordinary user, or set spring.datasource.url to an external PostgreSQL with wal_level=logical";
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates {@code database} unless it exists already. */
    public void ensureDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException(
                    "Database name '" + database + "' must be lower-case letters, digits and underscores");
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + database + " encoding 'UTF8' template template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot create database '" + database + "' in embedded PostgreSQL on port " + port() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL on port " + port() + " did not stop cleanly", e);
        } finally {
            if (ephemeral) {
                deleteRecursively(dataDirectory);
            }
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete embedded PostgreSQL directory " + directory, e);
        }
    }

    /**
     * A process that owned the directory and was killed with SIGKILL leaves its postmaster running. Stop it so
     * the new start can take the directory over; PostgreSQL recovers from its WAL as after any crash.
     */
    static final class StalePostmaster {

        private StalePostmaster() {}

        static void stopIfRunning(Path dataDirectory) {
            Path pidFile = dataDirectory.resolve("postmaster.pid");
            Optional<ProcessHandle> postmaster = readPid(pidFile)
                    .flatMap(ProcessHandle::of)
                    .filter(ProcessHandle::isAlive)
                    .filter(StalePostmaster::isPostgres);
            postmaster.ifPresent(process -> {
                process.destroy();
                try {
                    process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    process.destroyForcibly();
                }
            });
        }

        private static Optional<Long> readPid(Path pidFile) {
            try {
                if (!Files.isRegularFile(pidFile)) {
                    return Optional.empty();
                }
                List<String> lines = Files.readAllLines(pidFile);
                return lines.isEmpty()
                        ? Optional.empty()
                        : Optional.of(Long.parseLong(lines.get(0).trim()));
            } catch (IOException | NumberFormatException e) {
                return Optional.empty();
            }
        }

        private static boolean isPostgres(ProcessHandle process) {
            return process.info()
                    .command()
                    .map(command -> command.endsWith("postgres"))
                    .orElse(false);
        }
    }
}
