/**
 * The strangler-proxy application and its wiring into Spring Cloud Gateway; the layering of the sub-packages is
 * drawn in the module README.
 */
@NullMarked
package dev.banyan.proxy;

import org.jspecify.annotations.NullMarked;
