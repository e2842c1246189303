package dev.banyan.catalog.application;

import java.util.List;

/** Input that the catalog cannot accept; the HTTP layer answers 400 and lists every problem. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(describe(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid input needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    private static String describe(List<FieldProblem> problems) {
        StringBuilder text = new StringBuilder();
        for (FieldProblem problem : problems) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(problem.field()).append(' ').append(problem.message());
        }
        return text.toString();
    }
}
