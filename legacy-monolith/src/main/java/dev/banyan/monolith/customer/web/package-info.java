/**
 * The customer HTTP API.
 */
@NullMarked
package dev.banyan.monolith.customer.web;

import org.jspecify.annotations.NullMarked;
