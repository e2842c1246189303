/**
 * HTTP concerns shared by every context: problem responses and the readiness gate.
 */
@NullMarked
package dev.banyan.monolith.shared.web;

import org.jspecify.annotations.NullMarked;
