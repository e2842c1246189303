package dev.banyan.monolith.customer.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import dev.banyan.monolith.customer.CustomerId;

import org.jmolecules.ddd.types.AggregateRoot;

/** A customer account with one or more delivery addresses; the first is the default. */
public class Customer implements AggregateRoot<Customer, CustomerId> {

    public static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    public static final int MAX_ADDRESSES = 10;

    private final CustomerId id;
    private final String name;
    private final String email;
    private final String phone;
    private final List<DeliveryAddress> addresses;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final long version;

    public Customer(
            CustomerId id,
            String name,
            String email,
            String phone,
            List<DeliveryAddress> addresses,
            Instant createdAt,
            Instant updatedAt,
            long version) {
        this.id = Objects.requireNonNull(id, "id");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (email == null || !EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("email must be an email address, was " + email);
        }
        if (addresses.isEmpty() || addresses.size() > MAX_ADDRESSES) {
            throw new IllegalArgumentException(
                    "a customer has 1 to " + MAX_ADDRESSES + " addresses, not " + addresses.size());
        }
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.addresses = List.copyOf(addresses);
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    public static Customer register(
            CustomerId id, String name, String email, String phone, List<DeliveryAddress> addresses, Instant now) {
        return new Customer(id, name, email, phone, addresses, now, now, 0);
    }

    public DeliveryAddress defaultAddress() {
        return addresses.get(0);
    }

    @Override
    public CustomerId getId() {
        return id;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public List<DeliveryAddress> addresses() {
        return addresses;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
