/**
 * The admin API on its own port: effective routes with counters, stage and percent changes, shadow mismatches.
 */
@NullMarked
package dev.banyan.proxy.admin;

import org.jspecify.annotations.NullMarked;
