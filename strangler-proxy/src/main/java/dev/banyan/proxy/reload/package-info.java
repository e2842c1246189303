/**
 * The configuration in force: loading the routes file, watching it, and writing stage changes back to it.
 */
@NullMarked
package dev.banyan.proxy.reload;

import org.jspecify.annotations.NullMarked;
