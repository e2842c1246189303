package dev.banyan.events;

/**
 * One versioned event of the published language, as listed in {@code banyan/events/index.json}.
 *
 * @param type the event type, the {@code eventType} header
 * @param version the schema version, the {@code eventVersion} header
 * @param aggregateType the outbox's {@code aggregatetype}, which names the topic
 * @param topic the Kafka topic the event is published to
 * @param schema the JSON schema's class-path resource, relative to {@code banyan/events/}
 * @param example a valid example payload's class-path resource, relative to {@code banyan/events/}
 */
public record EventType(String type, int version, String aggregateType, String topic, String schema, String example) {}
