/**
 * The one home of the proxy's exchange attributes, shared helpers and problem responses; depends on no other proxy
 * package.
 */
@NullMarked
package dev.banyan.proxy.exchange;

import org.jspecify.annotations.NullMarked;
