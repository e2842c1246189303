/**
 * The bridge's benchmark program (run by {@code bench/cdc-bridge/run.sh}, never as a test).
 */
@NullMarked
package dev.banyan.cdc.bench;

import org.jspecify.annotations.NullMarked;
