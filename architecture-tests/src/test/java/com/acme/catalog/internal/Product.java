package com.acme.catalog.internal;

import com.acme.catalog.api.ProductId;
import com.acme.shared.Money;
import org.jmolecules.ddd.annotation.AggregateRoot;
import org.jmolecules.ddd.annotation.Identity;

@AggregateRoot
public class Product {

    @Identity
    private final ProductId id;

    private final Money price;

    public Product(ProductId id, Money price) {
        this.id = id;
        this.price = price;
    }

    public Money price() {
        return price;
    }
}
