/**
 * The catalog contract parity suite: the same scenarios against legacy-monolith and catalog-service, answers compared.
 */
@NullMarked
package dev.banyan.catalog.contract;

import org.jspecify.annotations.NullMarked;
