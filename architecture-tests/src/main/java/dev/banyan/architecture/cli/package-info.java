/**
 * The {@code boundary-check} command line (picocli): options, exit codes and error messages.
 */
@NullMarked
package dev.banyan.architecture.cli;

import org.jspecify.annotations.NullMarked;
