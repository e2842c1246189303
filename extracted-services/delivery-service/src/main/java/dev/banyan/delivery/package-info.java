/**
 * The delivery context extracted from the monolith as its own application: its database, the monolith's delivery
 * HTTP contract, order events in from Kafka and delivery events out through its outbox.
 */
@NullMarked
package dev.banyan.delivery;

import org.jspecify.annotations.NullMarked;
