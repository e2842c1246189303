package dev.banyan.monolith.customer.domain;

import java.util.Optional;

import dev.banyan.monolith.customer.CustomerId;

import org.jmolecules.ddd.types.Repository;

/** All customer accounts. */
public interface Customers extends Repository<Customer, CustomerId> {

    Optional<Customer> findById(CustomerId id);

    boolean emailTaken(String email);

    void add(Customer customer);
}
