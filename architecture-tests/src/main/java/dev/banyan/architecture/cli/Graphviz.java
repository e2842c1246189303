package dev.banyan.architecture.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Turns the DOT graph into SVG with Graphviz's {@code dot} when it is on the {@code PATH}; without it the DOT file is
 * the picture, and nothing fails.
 */
final class Graphviz {

    private static final long TIMEOUT_SECONDS = 30;

    private Graphviz() {}

    /** Renders and returns {@code ", <svg>"} for the report line, or a note why there is no SVG. */
    static String render(Path dotFile, Path svgFile) {
        Path dot = onPath("dot");
        if (dot == null) {
            return " (no SVG: Graphviz 'dot' is not on the PATH)";
        }
        try {
            Process process = new ProcessBuilder(dot.toString(), "-Tsvg", "-o", svgFile.toString(), dotFile.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return " (no SVG: 'dot' took longer than " + TIMEOUT_SECONDS + " s)";
            }
            return process.exitValue() == 0
                    ? ", " + svgFile
                    : " (no SVG: 'dot' exited with " + process.exitValue() + ")";
        } catch (IOException ex) {
            return " (no SVG: " + ex.getMessage() + ")";
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return " (no SVG: interrupted)";
        }
    }

    private static @Nullable Path onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
