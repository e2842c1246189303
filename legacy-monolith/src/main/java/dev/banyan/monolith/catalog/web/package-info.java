/**
 * The catalog's HTTP API and its JSON views.
 */
@NullMarked
package dev.banyan.monolith.catalog.web;

import org.jspecify.annotations.NullMarked;
