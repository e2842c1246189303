/**
 * Delivery: riders, rider assignment when a restaurant accepts an order, pickup and drop-off.
 * <p>
 * Reacts to ordering's events ({@link dev.banyan.monolith.ordering.OrderAccepted},
 * {@link dev.banyan.monolith.ordering.OrderCancelled}) through the transactional event publication registry, and
 * reports pickup and drop-off back through {@link dev.banyan.monolith.ordering.OrderFulfilment}.
 */
@org.jmolecules.ddd.annotation.BoundedContext(
        id = "delivery",
        name = "Delivery",
        description = "Rider assignment, pickup and drop-off")
@org.springframework.modulith.ApplicationModule(displayName = "Delivery")
@NullMarked
package dev.banyan.monolith.delivery;

import org.jspecify.annotations.NullMarked;
