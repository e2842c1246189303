/**
 * The routes file model and its reader, which reports every problem with its line and field; depends on no other
 * proxy package.
 */
@NullMarked
package dev.banyan.proxy.config;

import org.jspecify.annotations.NullMarked;
