package com.acme.catalog.api;

import com.acme.catalog.internal.Product;
import com.acme.catalog.internal.Products;
import com.acme.shared.Money;

public class CatalogApi {

    private final Products products = new Products();

    public Money priceOf(ProductId id) {
        Product product = products.byId(id);
        return product.price();
    }
}
