package dev.banyan.monolith.customer;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jmolecules.ddd.types.ValueObject;

/** What other contexts may ask about customers. */
public interface CustomerApi {

    Optional<CustomerProfile> find(CustomerId id);

    /** A customer as other contexts see them; the first address is the default one. */
    record CustomerProfile(CustomerId id, String name, String phone, List<Address> addresses) implements ValueObject {

        public Optional<Address> address(UUID addressId) {
            return addresses.stream()
                    .filter(address -> address.id().equals(addressId))
                    .findFirst();
        }
    }

    record Address(UUID id, String label, String address) implements ValueObject {}
}
