package dev.banyan.embedded.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The broker's classpath: the jars of {@code kafka_2.13} and its dependencies, listed at build time (relative to the
 * local Maven repository) in {@value #RESOURCE}. The broker JVM gets them; the application that starts it never
 * loads them, so Kafka's Scala and log4j jars cannot clash with the application's own.
 */
final class KafkaClasspath {

    static final String RESOURCE = "META-INF/banyan/kafka-classpath.txt";
    private static final String REPOSITORY_PLACEHOLDER = "$M2";

    private KafkaClasspath() {}

    /** The broker classpath, resolved against {@code maven.repo.local} or {@code ~/.m2/repository}. */
    static String resolve() {
        return resolve(repository());
    }

    static String resolve(Path repository) {
        List<Path> jars = Arrays.stream(listing().split("\\|"))
                .map(String::trim)
                .filter(entry -> !entry.isEmpty())
                .map(entry -> entry.replace(REPOSITORY_PLACEHOLDER, repository.toString()))
                .map(Path::of)
                .toList();
        List<Path> missing =
                jars.stream().filter(jar -> !Files.isRegularFile(jar)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The embedded Kafka broker needs " + missing.size() + " jar(s) missing from"
                    + " the Maven repository " + repository + " (first: " + missing.get(0) + "). Build the project once"
                    + " with './mvnw' so Maven downloads them, point -Dmaven.repo.local at the repository that has them,"
                    + " or set spring.kafka.bootstrap-servers to an external cluster");
        }
        return jars.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    }

    static Path repository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    private static String listing() {
        try (InputStream in = KafkaClasspath.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + RESOURCE + " is missing: the embedded-kafka jar was not"
                        + " built by its Maven build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
