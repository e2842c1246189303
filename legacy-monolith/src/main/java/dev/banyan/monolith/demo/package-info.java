/**
 * Demo data: a deterministic food-delivery data set (restaurants with Korean names and menus, customers, historical
 * orders with their payments and deliveries), generated in memory and written through each context's import API.
 * Not a bounded context; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
@NullMarked
package dev.banyan.monolith.demo;

import org.jspecify.annotations.NullMarked;
