/**
 * The delivery's domain model and service: deliveries, their status and riders.
 */
@NullMarked
package dev.banyan.monolith.delivery.domain;

import org.jspecify.annotations.NullMarked;
