package dev.banyan.catalog.application;

/** An id that names nothing in the catalog; the HTTP layer answers 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
