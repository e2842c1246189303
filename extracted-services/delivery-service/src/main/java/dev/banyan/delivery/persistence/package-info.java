/** PostgreSQL storage of the delivery context with plain JDBC: deliveries, riders, outbox, inbox, shadow decisions. */
@NullMarked
package dev.banyan.delivery.persistence;

import org.jspecify.annotations.NullMarked;
