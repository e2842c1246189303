package com.acme.catalog.internal;

import com.acme.catalog.api.ProductId;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * A domain event: other contexts may react to it although it lives outside the catalog's api package.
 */
@DomainEvent
public record ProductDiscontinued(ProductId productId) {}
