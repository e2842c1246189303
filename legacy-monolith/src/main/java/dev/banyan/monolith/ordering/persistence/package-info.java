/**
 * JDBC repository of orders and their bulk import.
 */
@NullMarked
package dev.banyan.monolith.ordering.persistence;

import org.jspecify.annotations.NullMarked;
