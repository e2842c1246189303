/**
 * What every request meets first: the request guard, path normalisation, client timeouts and the strangler routing
 * filter.
 */
@NullMarked
package dev.banyan.proxy.edge;

import org.jspecify.annotations.NullMarked;
