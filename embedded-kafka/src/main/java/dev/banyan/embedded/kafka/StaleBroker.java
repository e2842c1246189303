package dev.banyan.embedded.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An owner killed with SIGKILL leaves its broker running and holding the directory's lock. Stop it (SIGTERM,
 * then SIGKILL) so this start can take the directory over; Kafka recovers its logs as after any crash.
 */
final class StaleBroker {

    private StaleBroker() {}

    static void stopIfRunning(Path directory) {
        readPid(directory.resolve(EmbeddedKafkaBroker.PID_FILE))
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(process -> ownsDirectory(process, directory))
                .ifPresent(EmbeddedKafkaBroker::stop);
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Files.isRegularFile(pidFile)
                    ? Optional.of(Long.parseLong(Files.readString(pidFile).trim()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Only a broker started on this very directory: a recycled pid must never be killed. */
    private static boolean ownsDirectory(ProcessHandle process, Path directory) {
        List<String> args = arguments(process);
        return args.contains("-Dbanyan.embedded-kafka.dir=" + directory) && args.contains("kafka.Kafka");
    }

    /** {@code /proc} has the whole command line; {@link ProcessHandle.Info} may not, for a long classpath. */
    private static List<String> arguments(ProcessHandle process) {
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            if (Files.isReadable(cmdline)) {
                return List.of(Files.readString(cmdline, StandardCharsets.UTF_8).split("\0"));
            }
        } catch (IOException e) {
            // gone meanwhile, or not ours to read: fall back to what the JDK reports
        }
        return process.info().arguments().map(List::of).orElse(List.of());
    }
}
