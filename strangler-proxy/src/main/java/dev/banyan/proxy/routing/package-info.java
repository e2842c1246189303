/**
 * The routing decision: the active routes, the route table, canary buckets and where one request goes.
 */
@NullMarked
package dev.banyan.proxy.routing;

import org.jspecify.annotations.NullMarked;
