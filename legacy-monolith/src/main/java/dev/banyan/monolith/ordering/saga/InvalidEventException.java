package dev.banyan.monolith.ordering.saga;

/**
 * A record that no retry can make valid: it goes to the dead-letter topic with its reason. {@code kind} is a short
 * label for the metric ({@code missing-header}, {@code unknown-type}, {@code not-json}, {@code invalid-payload}).
 */
class InvalidEventException extends RuntimeException {

    private final String kind;

    InvalidEventException(String kind, String message) {
        super(message);
        this.kind = kind;
    }

    String kind() {
        return kind;
    }
}
