/**
 * Sending a request to the chosen backend, with the headers that cross the proxy built in one pass.
 */
@NullMarked
package dev.banyan.proxy.forwarding;

import org.jspecify.annotations.NullMarked;
