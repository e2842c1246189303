package dev.banyan.monolith.customer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.banyan.monolith.customer.domain.Customer;
import dev.banyan.monolith.customer.domain.DeliveryAddress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerTests {

    static final Instant T0 = Instant.parse("2026-05-05T03:00:00Z");

    static DeliveryAddress address(String label) {
        return new DeliveryAddress(new DeliveryAddress.AddressId(UUID.randomUUID()), label, "서울특별시 중구 " + label);
    }

    @Test
    void theFirstAddressIsTheDefault() {
        Customer customer = Customer.register(
                new CustomerId(UUID.randomUUID()),
                "최하은",
                "haeun@example.kr",
                null,
                List.of(address("집"), address("회사")),
                T0);

        assertThat(customer.defaultAddress().label()).isEqualTo("집");
    }

    @Test
    void needsANameAValidEmailAndOneToTenAddresses() {
        CustomerId id = new CustomerId(UUID.randomUUID());
        assertThatThrownBy(() -> Customer.register(id, "a", "not-email", null, List.of(address("집")), T0))
                .hasMessageContaining("email");
        assertThatThrownBy(() -> Customer.register(id, " ", "a@b.kr", null, List.of(address("집")), T0))
                .hasMessageContaining("name");
        assertThatThrownBy(() -> Customer.register(id, "a", "a@b.kr", null, List.of(), T0))
                .hasMessageContaining("addresses");
        assertThatThrownBy(() -> new DeliveryAddress(new DeliveryAddress.AddressId(UUID.randomUUID()), "집", " "))
                .hasMessageContaining("address");
    }
}
