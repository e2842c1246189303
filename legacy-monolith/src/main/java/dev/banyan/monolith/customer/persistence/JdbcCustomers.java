package dev.banyan.monolith.customer.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.banyan.monolith.customer.CustomerId;
import dev.banyan.monolith.customer.domain.Customer;
import dev.banyan.monolith.customer.domain.Customers;
import dev.banyan.monolith.customer.domain.DeliveryAddress;
import dev.banyan.monolith.shared.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCustomers implements Customers {

    private final JdbcClient jdbc;

    JdbcCustomers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Customer> findById(CustomerId id) {
        List<DeliveryAddress> addresses = jdbc.sql("select id, label, address from customer.delivery_address "
                        + "where customer_id = :id order by position")
                .param("id", id.value())
                .query((rows, n) -> new DeliveryAddress(
                        new DeliveryAddress.AddressId(rows.getObject("id", UUID.class)),
                        rows.getString("label"),
                        rows.getString("address")))
                .list();
        return jdbc.sql("select id, name, email, phone, created_at, updated_at, version from customer.customer "
                        + "where id = :id")
                .param("id", id.value())
                .query((rows, n) -> new Customer(
                        id,
                        rows.getString("name"),
                        rows.getString("email"),
                        rows.getString("phone"),
                        addresses,
                        Timestamps.read(rows, "created_at"),
                        Timestamps.read(rows, "updated_at"),
                        rows.getLong("version")))
                .optional();
    }

    @Override
    public boolean emailTaken(String email) {
        return jdbc.sql("select count(*) from customer.customer where lower(email) = lower(:email)")
                        .param("email", email)
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Override
    public void add(Customer customer) {
        jdbc.sql("insert into customer.customer (id, name, email, phone, created_at, updated_at, version) "
                        + "values (:id, :name, :email, :phone, :created, :updated, :version)")
                .param("id", customer.getId().value())
                .param("name", customer.name())
                .param("email", customer.email())
                .param("phone", customer.phone())
                .param("created", Timestamps.of(customer.createdAt()))
                .param("updated", Timestamps.of(customer.updatedAt()))
                .param("version", customer.version())
                .update();
        int position = 0;
        for (DeliveryAddress address : customer.addresses()) {
            jdbc.sql("insert into customer.delivery_address (id, customer_id, label, address, position) "
                            + "values (:id, :customer, :label, :address, :position)")
                    .param("id", address.id().value())
                    .param("customer", customer.getId().value())
                    .param("label", address.label())
                    .param("address", address.address())
                    .param("position", position++)
                    .update();
        }
    }
}
