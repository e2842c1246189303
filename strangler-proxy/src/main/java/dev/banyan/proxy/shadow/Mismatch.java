package dev.banyan.proxy.shadow;

import java.time.Instant;
import java.util.List;

/** One shadow comparison that found differences, kept for the admin API. */
public record Mismatch(
        Instant at,
        String route,
        String method,
        String path,
        String correlationId,
        int legacyStatus,
        int serviceStatus,
        String legacyBody,
        String serviceBody,
        List<String> differences,
        String diff) {}
