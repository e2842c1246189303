/**
 * JDBC repository of payments and their bulk import.
 */
@NullMarked
package dev.banyan.monolith.payment.persistence;

import org.jspecify.annotations.NullMarked;
