package dev.banyan.http.request;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Malformed or invalid input: HTTP 400, problem type {@code invalid-input}, with one entry per field at fault.
 * The message joins the entries as "field message" with {@code "; "}; it always names at least one field.
 */
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(describe(errors));
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid input needs at least one field error");
        }
        return errors.stream()
                .map(error -> error.field() + " " + error.message())
                .collect(Collectors.joining("; "));
    }
}
