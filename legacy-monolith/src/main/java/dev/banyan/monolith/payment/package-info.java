/**
 * Payment: authorize (order placed), capture (restaurant accepted), void (cancelled before acceptance) and
 * refund (cancelled after acceptance) against a fake in-process payment provider. Every provider call
 * carries an idempotency key derived from the order id and the operation, so a retried request never charges twice.
 * <p>
 * Public API: {@link dev.banyan.monolith.payment.PaymentApi}. Payments refer to orders and customers by plain UUID
 * (payment sits below ordering in the dependency graph and does not know its types).
 */
@org.jmolecules.ddd.annotation.BoundedContext(
        id = "payment",
        name = "Payment",
        description = "Authorization, capture and refund with idempotency keys")
@org.springframework.modulith.ApplicationModule(displayName = "Payment")
@NullMarked
package dev.banyan.monolith.payment;

import org.jspecify.annotations.NullMarked;
