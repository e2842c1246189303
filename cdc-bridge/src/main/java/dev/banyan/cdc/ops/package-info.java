/**
 * Spring Boot wiring for operations: the pipelines as a bean, health, the slot monitor and operator access.
 */
@NullMarked
package dev.banyan.cdc.ops;

import org.jspecify.annotations.NullMarked;
