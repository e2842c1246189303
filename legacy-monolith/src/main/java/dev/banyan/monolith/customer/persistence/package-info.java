/**
 * JDBC repository of customers and their bulk import.
 */
@NullMarked
package dev.banyan.monolith.customer.persistence;

import org.jspecify.annotations.NullMarked;
