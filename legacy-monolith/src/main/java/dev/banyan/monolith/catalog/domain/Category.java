package dev.banyan.monolith.catalog.domain;

import org.jmolecules.ddd.types.ValueObject;

/** A restaurant category (reference data, keyed by its code). */
public record Category(String code, String name, int sortOrder) implements ValueObject {}
