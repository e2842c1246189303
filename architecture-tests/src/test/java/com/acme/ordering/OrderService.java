package com.acme.ordering;

import com.acme.catalog.api.CatalogApi;
import com.acme.catalog.api.ProductId;
import com.acme.catalog.internal.ProductDiscontinued;
import com.acme.catalog.internal.Products;
import com.acme.payment.PaymentGateway;
import com.acme.shared.Money;

public class OrderService {

    private final CatalogApi catalog = new CatalogApi();
    private final PaymentGateway payments = new PaymentGateway();

    public Money place(Order order, ProductId product) {
        order.add(product);
        Money price = catalog.priceOf(product);
        new Products().byId(product); // violation: non-api-access
        payments.charge(order.getId(), price); // violation: forbidden-dependency
        return price;
    }

    public void on(ProductDiscontinued event) {
        // reacting to another context's domain event is allowed
    }
}
