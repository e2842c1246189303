package dev.banyan.delivery.web;

import java.time.Instant;
import java.util.UUID;

import dev.banyan.delivery.application.DeliveryService;
import dev.banyan.delivery.application.DeliveryService.DeliveryWithRider;
import dev.banyan.delivery.domain.Delivery;
import dev.banyan.delivery.domain.OrderId;
import dev.banyan.delivery.domain.Rider;
import dev.banyan.http.request.JsonRequest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Deliveries by order id: read, pickup and completion (the rider's app), exactly as the monolith serves them. */
@RestController
@RequestMapping(path = "/api/deliveries/{orderId}", produces = "application/json")
class DeliveryController {

    private final DeliveryService deliveries;

    DeliveryController(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping
    DeliveryView delivery(@PathVariable String orderId) {
        return DeliveryView.of(deliveries.delivery(orderId(orderId)));
    }

    @PostMapping("/pickup")
    DeliveryView pickUp(@PathVariable String orderId) {
        return DeliveryView.of(deliveries.pickUp(orderId(orderId)));
    }

    @PostMapping("/complete")
    DeliveryView complete(@PathVariable String orderId) {
        return DeliveryView.of(deliveries.complete(orderId(orderId)));
    }

    private static OrderId orderId(String value) {
        return new OrderId(JsonRequest.uuid(value, "orderId"));
    }

    @JsonPropertyOrder({
        "id",
        "orderId",
        "status",
        "rider",
        "restaurantId",
        "pickupAddress",
        "dropOffAddress",
        "assignedAt",
        "pickedUpAt",
        "deliveredAt",
        "cancelledAt"
    })
    record DeliveryView(
            UUID id,
            UUID orderId,
            String status,
            @Nullable RiderView rider,
            @Nullable UUID restaurantId,
            @Nullable String pickupAddress,
            @Nullable String dropOffAddress,
            @Nullable Instant assignedAt,
            @Nullable Instant pickedUpAt,
            @Nullable Instant deliveredAt,
            @Nullable Instant cancelledAt) {
        static DeliveryView of(DeliveryWithRider found) {
            Delivery d = found.delivery();
            return new DeliveryView(
                    d.getId().value(),
                    d.orderId().value(),
                    d.status().name(),
                    found.rider().map(RiderView::of).orElse(null),
                    d.restaurantId() == null ? null : d.restaurantId().value(),
                    d.pickupAddress(),
                    d.dropOffAddress(),
                    d.assignedAt(),
                    d.pickedUpAt(),
                    d.deliveredAt(),
                    d.cancelledAt());
        }
    }

    @JsonPropertyOrder({"id", "name", "phone", "vehicle"})
    record RiderView(UUID id, String name, String phone, String vehicle) {
        static RiderView of(Rider rider) {
            return new RiderView(rider.id().value(), rider.name(), rider.phone(), rider.vehicle());
        }
    }
}
