package dev.banyan.delivery.domain;

/** A state change the delivery's current state does not allow; the message and {@link #state()} name that state. */
public class IllegalTransitionException extends RuntimeException {

    private final String state;

    public IllegalTransitionException(String state, String message) {
        super(message);
        this.state = state;
    }

    public String state() {
        return state;
    }
}
