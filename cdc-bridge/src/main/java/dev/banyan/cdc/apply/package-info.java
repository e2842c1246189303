/**
 * Mapping and applying changes to the target: folding a batch per key, building the SQL, writing it, retries, dead
 * letters and applied positions. Knows neither Debezium, Kafka nor Spring.
 */
@NullMarked
package dev.banyan.cdc.apply;

import org.jspecify.annotations.NullMarked;
