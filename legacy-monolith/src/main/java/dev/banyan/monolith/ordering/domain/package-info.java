/**
 * The ordering domain model and service: orders, their lines, amounts and idempotency keys.
 */
@NullMarked
package dev.banyan.monolith.ordering.domain;

import org.jspecify.annotations.NullMarked;
