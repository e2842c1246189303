package dev.banyan.monolith.ordering.domain;

import java.time.Instant;
import java.util.UUID;

/** Ids of the delivery events already applied, so a redelivered event changes nothing. */
public interface Inbox {

    /**
     * Records the event in the caller's transaction; false when it was recorded before (a redelivery to skip). The
     * record rolls back with the transaction, so an event whose handling failed is handled again.
     */
    boolean record(UUID messageId, String type, Instant receivedAt);
}
