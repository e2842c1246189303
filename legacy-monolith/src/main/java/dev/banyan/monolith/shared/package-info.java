/**
 * The shared kernel: error types every context throws (mapped to RFC 9457 problems by {@code shared.web}) and
 * deterministic id helpers; strict JSON request reading comes from the {@code http-support} module, shared with the
 * extracted services. It holds no domain concept of its own.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Shared kernel",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@NullMarked
package dev.banyan.monolith.shared;

import org.jspecify.annotations.NullMarked;
