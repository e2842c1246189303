/**
 * The catalog's domain model: restaurants, their weekly opening hours, menu items and the categories they are
 * filed under. Aggregates refer to each other by identifier only.
 */
package dev.banyan.catalog.domain;
