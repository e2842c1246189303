package dev.banyan.catalog.application;

/** A well-formed new dish for a restaurant's menu. */
public record AddMenuItem(String name, String description, long price, boolean available) {}
