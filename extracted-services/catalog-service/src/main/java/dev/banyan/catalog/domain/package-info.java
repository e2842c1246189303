/**
 * The catalog's domain model: restaurants, their weekly opening hours, menu items and the categories they are
 * filed under. Aggregates refer to each other by identifier only.
 */
@NullMarked
package dev.banyan.catalog.domain;

import org.jspecify.annotations.NullMarked;
