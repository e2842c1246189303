package dev.banyan.monolith.customer.web;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.banyan.http.request.JsonRequest;
import dev.banyan.monolith.customer.CustomerId;
import dev.banyan.monolith.customer.domain.Customer;
import dev.banyan.monolith.customer.domain.CustomerService;
import dev.banyan.monolith.customer.domain.CustomerService.NewAddress;
import dev.banyan.monolith.shared.Ids;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/customers} and {@code GET /api/customers/{id}}. */
@RestController
@RequestMapping(path = "/api/customers", produces = "application/json")
class CustomerController {

    private final CustomerService customers;

    CustomerController(CustomerService customers) {
        this.customers = customers;
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<CustomerView> register(@RequestBody JsonNode json) {
        NewCustomer request = JsonRequest.read(json, CustomerController::newCustomer);
        Customer customer = customers.register(request.name(), request.email(), request.phone(), request.addresses());
        return ResponseEntity.created(URI.create("/api/customers/" + customer.getId()))
                .body(CustomerView.of(customer));
    }

    @GetMapping("/{id}")
    CustomerView customer(@PathVariable String id) {
        return CustomerView.of(customers.customer(new CustomerId(Ids.parse(id, "id"))));
    }

    @JsonPropertyOrder({"id", "name", "email", "phone", "addresses", "createdAt"})
    record CustomerView(
            UUID id, String name, String email, String phone, List<AddressView> addresses, Instant createdAt) {
        static CustomerView of(Customer customer) {
            List<AddressView> addresses = new ArrayList<>();
            for (int i = 0; i < customer.addresses().size(); i++) {
                var address = customer.addresses().get(i);
                addresses.add(new AddressView(address.id().value(), address.label(), address.address(), i == 0));
            }
            return new CustomerView(
                    customer.getId().value(),
                    customer.name(),
                    customer.email(),
                    customer.phone(),
                    addresses,
                    customer.createdAt());
        }
    }

    @JsonPropertyOrder({"id", "label", "address", "defaultAddress"})
    record AddressView(UUID id, String label, String address, boolean defaultAddress) {}

    /** The body of {@code POST /api/customers}; the first address is the default one. */
    record NewCustomer(String name, String email, String phone, List<NewAddress> addresses) {}

    private static NewCustomer newCustomer(JsonRequest body) {
        String name = body.requiredText("name");
        String email = body.requiredText("email");
        if (email != null && !Customer.EMAIL.matcher(email).matches()) {
            body.reject("email", "must be an email address");
        }
        String phone = body.optionalText("phone");
        List<NewAddress> addresses = new ArrayList<>();
        List<JsonRequest> entries = body.requiredObjects("addresses");
        if (entries.size() > Customer.MAX_ADDRESSES) {
            body.reject("addresses", "must have at most " + Customer.MAX_ADDRESSES + " entries");
        }
        for (JsonRequest entry : entries) {
            String label = entry.requiredText("label");
            String address = entry.requiredText("address");
            addresses.add(new NewAddress(label, address));
        }
        return new NewCustomer(name, email, phone, addresses);
    }
}
