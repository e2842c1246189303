/**
 * SHADOW routes: copying requests to the service and comparing its answers with legacy's.
 */
@NullMarked
package dev.banyan.proxy.shadow;

import org.jspecify.annotations.NullMarked;
