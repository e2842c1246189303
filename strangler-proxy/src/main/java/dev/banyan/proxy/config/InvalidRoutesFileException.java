package dev.banyan.proxy.config;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A routes file that cannot be used, with every problem found in it. */
public class InvalidRoutesFileException extends RuntimeException {

    private final Path file;

    private final List<ConfigProblem> problems;

    public InvalidRoutesFileException(Path file, List<ConfigProblem> problems) {
        super(describe(file, problems));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public Path file() {
        return file;
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String describe(Path file, List<ConfigProblem> problems) {
        return "Invalid routes file " + file + ": "
                + problems.stream()
                        .map(p -> file.getFileName() + (p.line() > 0 ? ":" + p.line() : "") + " " + p.field() + ": "
                                + p.reason())
                        .collect(Collectors.joining("; "));
    }
}
