/**
 * The ordering HTTP API.
 */
@NullMarked
package dev.banyan.monolith.ordering.web;

import org.jspecify.annotations.NullMarked;
