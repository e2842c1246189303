package com.acme.ordering;

import java.util.ArrayList;
import java.util.List;

import com.acme.catalog.api.ProductId;
import org.jmolecules.ddd.types.AggregateRoot;
import org.jmolecules.ddd.types.Identifier;

public class Order implements AggregateRoot<Order, Order.OrderId> {

    public record OrderId(java.util.UUID value) implements Identifier {}

    private final OrderId id;
    private final List<ProductId> products = new ArrayList<>();
    private final List<OrderLine> lines = new ArrayList<>();
    private Cart cart; // violation: ddd-aggregate-reference

    public Order(OrderId id) {
        this.id = id;
    }

    @Override
    public OrderId getId() {
        return id;
    }

    public void add(ProductId product) {
        products.add(product);
    }
}
