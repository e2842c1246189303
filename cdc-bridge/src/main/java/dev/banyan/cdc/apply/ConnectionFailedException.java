package dev.banyan.cdc.apply;

/** A database could not be reached or used; the message names the pipeline, the side and the URL. */
public class ConnectionFailedException extends RuntimeException {

    public ConnectionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
