package com.acme.catalog.api;

import java.util.UUID;

import org.jmolecules.ddd.types.Identifier;

public record ProductId(UUID value) implements Identifier {}
