package dev.banyan.architecture.boundary;

import java.nio.file.Path;

/**
 * One problem of a configuration file, written {@code file:line field: reason}.
 *
 * @param file   the file at fault
 * @param line   the line at fault, counted from 1; 0 when the problem has no line (a missing or empty file)
 * @param field  the field at fault, e.g. {@code contexts.ordering.may-use[1]}; empty when the problem is not a field's
 * @param reason why the file cannot be used as it is
 */
public record ConfigProblem(Path file, int line, String field, String reason) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file.toString());
        if (line > 0) {
            text.append(':').append(line);
        }
        if (!field.isEmpty()) {
            text.append(line > 0 ? " " : ": ").append(field);
        }
        return text.append(": ").append(reason).toString();
    }
}
