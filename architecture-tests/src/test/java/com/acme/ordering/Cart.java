package com.acme.ordering;

import org.jmolecules.ddd.types.AggregateRoot;
import org.jmolecules.ddd.types.Identifier;

public class Cart implements AggregateRoot<Cart, Cart.CartId> {

    public record CartId(java.util.UUID value) implements Identifier {}

    private final CartId id;
    private OrderLine draft; // violation: ddd-foreign-entity

    public Cart(CartId id) {
        this.id = id;
    }

    @Override
    public CartId getId() {
        return id;
    }
}
