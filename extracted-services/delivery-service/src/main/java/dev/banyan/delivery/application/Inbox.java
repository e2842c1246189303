package dev.banyan.delivery.application;

import java.util.UUID;

/** The ids of the order events handled so far; written in the handler's transaction. */
public interface Inbox {

    /** Records the event id; false if it was recorded before (a redelivery, to be skipped). */
    boolean firstReceipt(UUID messageId, String type);
}
