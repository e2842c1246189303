/**
 * Spring Boot auto-configuration that starts the embedded Kafka broker when no external cluster is configured.
 */
@NullMarked
package dev.banyan.embedded.kafka.boot;

import org.jspecify.annotations.NullMarked;
