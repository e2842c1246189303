package dev.banyan.delivery.domain;

import org.jmolecules.ddd.types.AggregateRoot;

/** A rider (배달 기사) who carries food from restaurants to customers. */
public record Rider(RiderId id, String name, String phone, String vehicle) implements AggregateRoot<Rider, RiderId> {

    @Override
    public RiderId getId() {
        return id;
    }
}
