/**
 * Ordering: orders and their line items, priced against the current menu, with the lifecycle
 * PLACED → ACCEPTED → DELIVERED, or CANCELLED.
 * <p>
 * Public API: the identifiers, the domain events {@link dev.banyan.monolith.ordering.OrderPlaced},
 * {@link dev.banyan.monolith.ordering.OrderAccepted}, {@link dev.banyan.monolith.ordering.OrderCancelled} and
 * {@link dev.banyan.monolith.ordering.OrderDelivered}, {@link dev.banyan.monolith.ordering.OrderFulfilment} (what the
 * delivery context reports back) and {@link dev.banyan.monolith.ordering.OrderImport}. Ordering uses the public APIs
 * of catalog, customer and payment.
 * <p>
 * Events for the extracted delivery-service leave through the transactional outbox ({@code outbox}); the event route
 * {@code delivery} decides per order, at acceptance, which delivery context handles it; {@code saga} consumes the
 * service's answers.
 */
@org.jmolecules.ddd.annotation.BoundedContext(
        id = "ordering",
        name = "Ordering",
        description = "Orders, line items and their lifecycle")
@org.springframework.modulith.ApplicationModule(displayName = "Ordering")
package dev.banyan.monolith.ordering;
