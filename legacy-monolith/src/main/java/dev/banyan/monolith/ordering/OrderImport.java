package dev.banyan.monolith.ordering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Bulk loading of historical (delivered) orders for demo data and benchmarks; existing rows are left alone. */
public interface OrderImport {

    void importDeliveredOrders(List<ImportedOrder> orders);

    boolean orderExists(OrderId orderId);

    record ImportedOrder(
            UUID id,
            UUID customerId,
            UUID restaurantId,
            String deliveryAddress,
            long deliveryFee,
            List<ImportedLine> lines,
            Instant placedAt,
            Instant acceptedAt,
            Instant pickedUpAt,
            Instant deliveredAt) {

        public long subtotal() {
            return lines.stream()
                    .mapToLong(line -> line.unitPrice() * line.quantity())
                    .sum();
        }

        public long total() {
            return subtotal() + deliveryFee;
        }
    }

    record ImportedLine(UUID menuItemId, String name, long unitPrice, int quantity) {}
}
