package com.acme.shared;

/**
 * Shared kernel outside every context: using it is never a violation.
 */
public record Money(long amount) {}
