/**
 * The catalog's domain model and service: restaurants, categories, opening hours and menu items.
 */
@NullMarked
package dev.banyan.monolith.catalog.domain;

import org.jspecify.annotations.NullMarked;
