/**
 * The legacy monolith application: its start-up, per-context Flyway migrations and start-up report.
 */
@NullMarked
package dev.banyan.monolith;

import org.jspecify.annotations.NullMarked;
