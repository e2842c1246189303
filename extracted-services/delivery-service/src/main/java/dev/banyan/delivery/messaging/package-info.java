/**
 * Kafka in: the consumer of {@code banyan.order.events} (group {@code delivery-service}), which checks every record
 * against the event-contracts schemas before mapping it, dead-letters the unreadable ones with their reason and
 * retries the ones that fail on the database.
 */
@NullMarked
package dev.banyan.delivery.messaging;

import org.jspecify.annotations.NullMarked;
