package dev.banyan.monolith.shared;

/**
 * A state change that the aggregate's current state does not allow: HTTP 409, problem type {@code illegal-state}
 * with a {@code state} member. The message always names the current state.
 */
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
