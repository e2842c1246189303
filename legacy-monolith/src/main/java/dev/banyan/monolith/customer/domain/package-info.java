/**
 * The customer's domain model and service: customers and their delivery addresses.
 */
@NullMarked
package dev.banyan.monolith.customer.domain;

import org.jspecify.annotations.NullMarked;
