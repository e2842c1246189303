package dev.banyan.architecture.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import com.acme.ordering.Order;

/**
 * The sample codebase under {@code com.acme} (test sources), as compiled classes, as a jar, or re-compiled from edited
 * sources to simulate code changes between check runs.
 */
final class SampleCodebase {

    static final Path SOURCES = Path.of("src/test/java");

    private SampleCodebase() {}

    static Path testClasses() {
        try {
            return Path.of(Order.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static Path config() {
        return testClasses().resolve("boundaries/acme.yml");
    }

    /**
     * A jar of the sample's classes only, optionally under a prefix such as {@code BOOT-INF/classes/}.
     */
    static Path jar(Path directory, String name, String prefix) throws IOException {
        Path jar = directory.resolve(name);
        Path root = testClasses();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(root.resolve("com/acme"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(
                        new JarEntry(prefix + root.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    /**
     * Copies the sample's sources to {@code directory/src} so that a test can edit them.
     */
    static Path copySources(Path directory) throws IOException {
        Path target = directory.resolve("src");
        try (Stream<Path> files = Files.walk(SOURCES.resolve("com/acme"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(SOURCES.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        return target;
    }

    /**
     * Compiles the sources under {@code sources} into a fresh {@code directory/name} directory.
     */
    static Path compile(Path sources, Path directory, String name) throws IOException {
        Path output = Files.createDirectories(directory.resolve(name));
        List<String> arguments = new ArrayList<>(List.of(
                "-d",
                output.toString(),
                "-classpath",
                System.getProperty("java.class.path"),
                "-encoding",
                "UTF-8",
                "-nowarn"));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> arguments.add(file.toString()));
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = compiler.run(null, errors, errors, arguments.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException(
                    "sample codebase does not compile:\n" + errors.toString(StandardCharsets.UTF_8));
        }
        return output;
    }

    static void edit(Path sources, String file, String from, String to) throws IOException {
        Path path = sources.resolve(file);
        String text = Files.readString(path);
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " does not contain '" + from + "'");
        }
        Files.writeString(path, text.replace(from, to));
    }

    /**
     * The line of the sample's source file that contains the marker.
     */
    static int lineOf(String file, String marker) {
        try {
            List<String> lines = Files.readAllLines(SOURCES.resolve(file));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(marker)) {
                    return i + 1;
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        throw new IllegalStateException(file + " has no line with '" + marker + "'");
    }

    record Run(int exitCode, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = BoundaryCheck.run(args, print(out), print(err));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static PrintStream print(OutputStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }
}
