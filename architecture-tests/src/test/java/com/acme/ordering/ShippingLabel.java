package com.acme.ordering;

import org.jmolecules.ddd.annotation.ValueObject;

@ValueObject
public record ShippingLabel(String address, Order order) { // violation: ddd-value-object-reference
}
