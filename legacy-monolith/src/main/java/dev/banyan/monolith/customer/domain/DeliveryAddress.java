package dev.banyan.monolith.customer.domain;

import java.util.Objects;
import java.util.UUID;

import org.jmolecules.ddd.types.Entity;
import org.jmolecules.ddd.types.Identifier;

/** A place the customer has food delivered to, such as 집 or 회사. Part of the {@link Customer} aggregate. */
public record DeliveryAddress(AddressId id, String label, String address)
        implements Entity<Customer, DeliveryAddress.AddressId> {

    public DeliveryAddress {
        Objects.requireNonNull(id, "id");
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("address label must not be blank");
        }
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("address must not be blank");
        }
    }

    @Override
    public AddressId getId() {
        return id;
    }

    public record AddressId(UUID value) implements Identifier {}
}
