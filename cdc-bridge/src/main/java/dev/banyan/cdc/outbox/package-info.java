/**
 * Outbox publication: outbox rows routed to Kafka records by Debezium's outbox event router, published with
 * acknowledgement and retry, malformed rows dead-lettered, published rows pruned.
 */
@NullMarked
package dev.banyan.cdc.outbox;

import org.jspecify.annotations.NullMarked;
