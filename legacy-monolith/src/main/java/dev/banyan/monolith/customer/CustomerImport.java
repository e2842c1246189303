package dev.banyan.monolith.customer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Bulk loading of customer accounts (demo data); existing rows are left alone. */
public interface CustomerImport {

    int importCustomers(List<ImportedCustomer> customers);

    record ImportedCustomer(
            UUID id, String name, String email, String phone, Instant createdAt, List<ImportedAddress> addresses) {}

    record ImportedAddress(UUID id, String label, String address) {}
}
