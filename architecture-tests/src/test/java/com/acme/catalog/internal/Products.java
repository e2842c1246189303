package com.acme.catalog.internal;

import java.util.HashMap;
import java.util.Map;

import com.acme.catalog.api.ProductId;
import com.acme.shared.Money;

public class Products {

    private final Map<ProductId, Product> byId = new HashMap<>();

    public Product byId(ProductId id) {
        return byId.computeIfAbsent(id, key -> new Product(key, new Money(1_000)));
    }
}
