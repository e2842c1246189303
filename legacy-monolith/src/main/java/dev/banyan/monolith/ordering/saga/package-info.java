/**
 * Ordering's Kafka consumer of {@code banyan.delivery.events}: validates every record against the event contracts,
 * maps it to ordering's terms and hands it to the delivery Saga; bad records go to the dead-letter topic.
 */
@NullMarked
package dev.banyan.monolith.ordering.saga;

import org.jspecify.annotations.NullMarked;
