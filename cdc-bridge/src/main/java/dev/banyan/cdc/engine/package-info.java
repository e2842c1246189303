/**
 * The Debezium embedded engine per pipeline: the pipeline itself, its offset store in the target, source
 * preparation and replication slots.
 */
@NullMarked
package dev.banyan.cdc.engine;

import org.jspecify.annotations.NullMarked;
