package dev.banyan.catalog.application;

import java.util.UUID;

/** A menu item as the contract shows it; price in whole KRW. */
public record MenuItemView(UUID id, String name, String description, long price, boolean available) {
}
