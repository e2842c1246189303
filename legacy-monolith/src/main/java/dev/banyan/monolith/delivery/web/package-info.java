/**
 * The delivery HTTP API.
 */
@NullMarked
package dev.banyan.monolith.delivery.web;

import org.jspecify.annotations.NullMarked;
