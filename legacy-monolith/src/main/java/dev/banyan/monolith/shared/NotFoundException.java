package dev.banyan.monolith.shared;

/** An unknown id: HTTP 404, problem type {@code not-found}. The message names what was not found. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
