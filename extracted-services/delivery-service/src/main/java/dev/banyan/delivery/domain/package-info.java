/**
 * The delivery model: riders and deliveries (one per accepted order), with the state machine ASSIGNED → PICKED_UP →
 * DELIVERED, or CANCELLED before pickup. Framework-free; aggregates refer to orders, restaurants and riders by id.
 */
@NullMarked
package dev.banyan.delivery.domain;

import org.jspecify.annotations.NullMarked;
