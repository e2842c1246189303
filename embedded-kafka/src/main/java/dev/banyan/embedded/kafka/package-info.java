/**
 * A real Apache Kafka broker (KRaft, one node) run as a child JVM with its data in a directory of ours.
 */
@NullMarked
package dev.banyan.embedded.kafka;

import org.jspecify.annotations.NullMarked;
