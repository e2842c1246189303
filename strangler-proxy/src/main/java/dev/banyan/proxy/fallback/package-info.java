/**
 * Calls to a service through its circuit breaker, and the replay of a failed call to legacy with the same body.
 */
@NullMarked
package dev.banyan.proxy.fallback;

import org.jspecify.annotations.NullMarked;
