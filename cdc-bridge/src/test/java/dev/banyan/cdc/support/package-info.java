/**
 * Test support for the bridge: the catalog contract's schemas, throw-away databases and pipeline configurations.
 */
@NullMarked
package dev.banyan.cdc.support;

import org.jspecify.annotations.NullMarked;
