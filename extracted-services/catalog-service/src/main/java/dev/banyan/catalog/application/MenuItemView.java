package dev.banyan.catalog.application;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A menu item as the contract shows it; price in whole KRW. */
@JsonPropertyOrder({"id", "name", "description", "price", "available"})
public record MenuItemView(UUID id, String name, String description, long price, boolean available) {}
