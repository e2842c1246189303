/**
 * Compares source and target of every mapped table, with the mapping applied.
 */
@NullMarked
package dev.banyan.cdc.verify;

import org.jspecify.annotations.NullMarked;
