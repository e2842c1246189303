/**
 * The {@code cdc.yml} model and its loader, which reports every problem at once with file, line, pipeline and
 * field.
 */
@NullMarked
package dev.banyan.cdc.config;

import org.jspecify.annotations.NullMarked;
