/**
 * A real PostgreSQL server with logical decoding on, its data in a directory of ours.
 */
@NullMarked
package dev.banyan.embedded;

import org.jspecify.annotations.NullMarked;
