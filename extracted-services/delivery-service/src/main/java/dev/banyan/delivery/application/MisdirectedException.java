package dev.banyan.delivery.application;

/**
 * A rider's action on a delivery this service does not own (a live copy backfilled from the monolith); the HTTP
 * layer answers 421 so that the proxy replays the request to the monolith, which owns it.
 */
public class MisdirectedException extends RuntimeException {

    public MisdirectedException(String message) {
        super(message);
    }
}
