package dev.banyan.events;

/**
 * Kafka header names every Banyan event carries. The record key is the aggregate id (an order id for both topics),
 * so all events of one order keep their order on one partition; the value is the JSON payload.
 */
public final class EventHeaders {

    /** The event id (a UUID): consumers keep it in their inbox, so a redelivered event is recognised. */
    public static final String ID = "id";

    /** The event type, e.g. {@code OrderAccepted}. */
    public static final String TYPE = "eventType";

    /** The schema version of the payload, a positive integer. */
    public static final String VERSION = "eventVersion";

    /**
     * On order events: which side handles the order's delivery, {@code monolith} or {@code delivery-service}. It is
     * decided once per order, when the order is accepted, in the same transaction, so each order is assigned by
     * exactly one side whenever the event cutover happens.
     */
    public static final String HANDLER = "handler";

    /** On records of a dead-letter topic: why the consumer could not handle the event. */
    public static final String DEAD_LETTER_REASON = "deadLetterReason";

    /** The dead-letter topic of a topic: {@code banyan.order.events} → {@code banyan.order.events.dlt}. */
    public static String deadLetterTopic(String topic) {
        return topic + ".dlt";
    }

    private EventHeaders() {}
}
