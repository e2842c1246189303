package dev.banyan.delivery.application;

/** An order without a delivery; the HTTP layer answers 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
