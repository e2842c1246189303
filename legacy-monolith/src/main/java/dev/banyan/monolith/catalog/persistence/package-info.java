/**
 * JDBC repositories of the catalog and its bulk import.
 */
@NullMarked
package dev.banyan.monolith.catalog.persistence;

import org.jspecify.annotations.NullMarked;
