package dev.banyan.architecture.cli;

/**
 * Wrong use of the command line, or input that cannot be read: exit code 2 with this message.
 */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
