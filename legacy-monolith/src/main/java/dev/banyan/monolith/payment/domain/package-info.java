/**
 * The payment domain model and service: payments, the provider port and pending settlements.
 */
@NullMarked
package dev.banyan.monolith.payment.domain;

import org.jspecify.annotations.NullMarked;
