package dev.banyan.architecture.boundary;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration that cannot be used. It carries every problem found, each naming the file, the line, the field and
 * the reason; the message is the single problem, or a count followed by one problem per line.
 */
public class ConfigException extends RuntimeException {

    private final transient List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(Path file, int line, String field, String reason) {
        this(List.of(new ConfigProblem(file, line, field, reason)));
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String message(List<ConfigProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a configuration error needs at least one problem");
        }
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        return problems.get(0).file() + ": " + problems.size() + " problems\n"
                + problems.stream().map(problem -> "  " + problem).collect(Collectors.joining("\n"));
    }
}
