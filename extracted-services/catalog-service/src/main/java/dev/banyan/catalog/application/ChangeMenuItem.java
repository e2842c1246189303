package dev.banyan.catalog.application;

/** A new price, a new availability, or both; null leaves a value as it is. */
public record ChangeMenuItem(Long price, Boolean available) {}
