package com.acme.catalog.internal;

import org.jmolecules.event.annotation.DomainEvent;

import com.acme.catalog.api.ProductId;

/**
 * A domain event: other contexts may react to it although it lives outside the catalog's api package.
 */
@DomainEvent
public record ProductDiscontinued(ProductId productId) {
}
