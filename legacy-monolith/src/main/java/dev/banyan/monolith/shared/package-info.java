/**
 * The shared kernel: error types every context throws (mapped to RFC 9457 problems by {@code shared.web}),
 * strict JSON request reading and deterministic id helpers. It holds no domain concept of its own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.banyan.monolith.shared;
