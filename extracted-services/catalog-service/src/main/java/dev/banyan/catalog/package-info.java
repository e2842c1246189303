/**
 * The catalog-service application: its start-up, clock and start-up report.
 */
@NullMarked
package dev.banyan.catalog;

import org.jspecify.annotations.NullMarked;
