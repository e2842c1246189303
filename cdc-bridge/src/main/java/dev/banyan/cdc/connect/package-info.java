/**
 * Turns Kafka Connect change records into the bridge's {@link dev.banyan.cdc.apply.RowChange}s; knows only the
 * Kafka Connect data API.
 */
@NullMarked
package dev.banyan.cdc.connect;

import org.jspecify.annotations.NullMarked;
