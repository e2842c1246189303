package dev.banyan.monolith.customer.domain;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import dev.banyan.monolith.customer.CustomerApi;
import dev.banyan.monolith.customer.CustomerId;
import dev.banyan.monolith.shared.DomainRuleException;
import dev.banyan.monolith.shared.Ids;
import dev.banyan.monolith.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registering and looking up customers. */
@Service
@Transactional
public class CustomerService implements CustomerApi {

    private final Customers customers;
    private final Clock clock;

    CustomerService(Customers customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    public record NewAddress(String label, String address) {}

    public Customer register(String name, String email, String phone, List<NewAddress> addresses) {
        if (customers.emailTaken(email)) {
            throw new DomainRuleException("Email " + email + " is already registered to another customer");
        }
        Customer customer = Customer.register(
                new CustomerId(Ids.random()),
                name,
                email,
                phone,
                addresses.stream()
                        .map(a -> new DeliveryAddress(
                                new DeliveryAddress.AddressId(Ids.random()), a.label(), a.address()))
                        .toList(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        customers.add(customer);
        return customer;
    }

    @Transactional(readOnly = true)
    public Customer customer(CustomerId id) {
        return customers.findById(id).orElseThrow(() -> new NotFoundException("Customer " + id + " not found"));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CustomerProfile> find(CustomerId id) {
        return customers
                .findById(id)
                .map(customer -> new CustomerProfile(
                        customer.getId(),
                        customer.name(),
                        customer.phone(),
                        customer.addresses().stream()
                                .map(a -> new Address(a.id().value(), a.label(), a.address()))
                                .toList()));
    }
}
