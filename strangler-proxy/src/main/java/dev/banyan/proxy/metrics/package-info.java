/**
 * The proxy's Micrometer meters.
 */
@NullMarked
package dev.banyan.proxy.metrics;

import org.jspecify.annotations.NullMarked;
