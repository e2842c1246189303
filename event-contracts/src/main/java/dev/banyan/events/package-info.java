/**
 * The published language of events that leave a bounded context: where the schemas live, the Kafka header names,
 * and a validator that consumers run before they trust a payload.
 */
@NullMarked
package dev.banyan.events;

import org.jspecify.annotations.NullMarked;
