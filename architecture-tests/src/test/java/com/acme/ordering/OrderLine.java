package com.acme.ordering;

import org.jmolecules.ddd.types.Entity;
import org.jmolecules.ddd.types.Identifier;

public class OrderLine implements Entity<Order, OrderLine.LineId> {

    public record LineId(int value) implements Identifier {}

    private final LineId id;

    public OrderLine(LineId id) {
        this.id = id;
    }

    @Override
    public LineId getId() {
        return id;
    }
}
