package dev.banyan.monolith.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Bulk loading of completed deliveries of historical orders (demo data). */
public interface DeliveryImport {

    void importCompletedDeliveries(List<ImportedDelivery> deliveries);

    /** The riders on the platform, ordered by name then id. */
    List<RiderId> riders();

    record ImportedDelivery(
            UUID id,
            UUID orderId,
            UUID riderId,
            UUID restaurantId,
            String pickupAddress,
            String dropOffAddress,
            Instant assignedAt,
            Instant pickedUpAt,
            Instant deliveredAt) {}
}
