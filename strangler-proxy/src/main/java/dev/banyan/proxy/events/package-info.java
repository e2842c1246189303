/**
 * Event routes: keeps the legacy application's event-route switches at the stages of the routes file. Depends on
 * {@code config} and {@code reload}; the admin API depends on it.
 */
@NullMarked
package dev.banyan.proxy.events;

import org.jspecify.annotations.NullMarked;
