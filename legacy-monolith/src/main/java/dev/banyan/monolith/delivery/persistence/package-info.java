/**
 * JDBC repositories of deliveries and riders, and their bulk import.
 */
@NullMarked
package dev.banyan.monolith.delivery.persistence;

import org.jspecify.annotations.NullMarked;
