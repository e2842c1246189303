package dev.banyan.delivery.application;

import java.util.Arrays;
import java.util.Optional;

/** The {@code handler} header of an order event: the side that handles the order's delivery, stamped at acceptance. */
public enum Handler {
    MONOLITH("monolith"),
    DELIVERY_SERVICE("delivery-service");

    private final String header;

    Handler(String header) {
        this.header = header;
    }

    public String header() {
        return header;
    }

    public static Optional<Handler> of(String header) {
        return Arrays.stream(values()).filter(h -> h.header.equals(header)).findFirst();
    }
}
