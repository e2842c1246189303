package dev.banyan.delivery.messaging;

/**
 * A record that can never be handled, whatever the retries: a header is missing or malformed, the type or version is
 * unknown, or the payload breaks its schema. It goes to the dead-letter topic with {@link #reason()}.
 */
class UnreadableEventException extends RuntimeException {

    /** The kinds of unreadable records, the {@code reason} tag of the dead-letter metric. */
    enum Reason {
        MISSING_HEADER("missing-header"),
        BAD_HEADER("bad-header"),
        UNKNOWN_EVENT("unknown-event"),
        INVALID_PAYLOAD("invalid-payload"),
        BAD_KEY("bad-key");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    private final Reason reason;

    UnreadableEventException(Reason reason, String detail) {
        super(reason.code() + ": " + detail);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
