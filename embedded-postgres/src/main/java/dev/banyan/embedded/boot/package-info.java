/**
 * Spring Boot auto-configuration that starts the embedded PostgreSQL when no {@code spring.datasource.url} is
 * configured.
 */
@NullMarked
package dev.banyan.embedded.boot;

import org.jspecify.annotations.NullMarked;
