/**
 * Customer: accounts and their delivery addresses.
 * <p>
 * Public API: {@link dev.banyan.monolith.customer.CustomerApi} (look a customer up with their addresses),
 * {@link dev.banyan.monolith.customer.CustomerId} and {@link dev.banyan.monolith.customer.CustomerImport}.
 */
@org.jmolecules.ddd.annotation.BoundedContext(
        id = "customer",
        name = "Customer",
        description = "Customer accounts and delivery addresses")
@org.springframework.modulith.ApplicationModule(displayName = "Customer")
@NullMarked
package dev.banyan.monolith.customer;

import org.jspecify.annotations.NullMarked;
