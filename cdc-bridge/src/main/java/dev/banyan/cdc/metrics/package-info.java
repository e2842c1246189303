/**
 * A pipeline's Micrometer meters, fed as an {@link dev.banyan.cdc.apply.ApplyListener}.
 */
@NullMarked
package dev.banyan.cdc.metrics;

import org.jspecify.annotations.NullMarked;
