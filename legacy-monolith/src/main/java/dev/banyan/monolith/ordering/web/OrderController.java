package dev.banyan.monolith.ordering.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.banyan.http.request.JsonRequest;
import dev.banyan.monolith.catalog.MenuItemId;
import dev.banyan.monolith.catalog.RestaurantId;
import dev.banyan.monolith.customer.CustomerId;
import dev.banyan.monolith.ordering.OrderId;
import dev.banyan.monolith.ordering.OrderStatus;
import dev.banyan.monolith.ordering.domain.IdempotencyKey;
import dev.banyan.monolith.ordering.domain.Order;
import dev.banyan.monolith.ordering.domain.OrderLine;
import dev.banyan.monolith.ordering.domain.OrderService;
import dev.banyan.monolith.ordering.domain.OrderService.PlaceOrder;
import dev.banyan.monolith.ordering.domain.OrderService.Placement;
import dev.banyan.monolith.payment.PaymentApi.PaymentSummary;
import dev.banyan.monolith.shared.Ids;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Orders over HTTP: place, read, accept (restaurant side) and cancel. */
@RestController
@RequestMapping(path = "/api/orders", produces = "application/json")
class OrderController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final OrderService orders;
    private final Duration cancelWait;

    OrderController(OrderService orders, @Value("${banyan.ordering.cancel-wait:5s}") Duration cancelWait) {
        this.orders = orders;
        this.cancelWait = cancelWait;
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<OrderView> place(
            @RequestBody JsonNode json,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        PlaceOrder request = JsonRequest.read(json, body -> placeOrder(body, idempotencyKey));
        Placement placement = orders.place(request);
        Order order = placement.order();
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/orders/" + order.getId()))
                .header("Idempotent-Replayed", String.valueOf(placement.replayed()))
                .body(OrderView.of(order, orders.payment(order.getId()).orElse(null)));
    }

    @GetMapping("/{id}")
    OrderView order(@PathVariable String id) {
        OrderId orderId = orderId(id);
        return OrderView.of(orders.order(orderId), orders.payment(orderId).orElse(null));
    }

    @PostMapping("/{id}/accept")
    OrderView accept(@PathVariable String id) {
        OrderId orderId = orderId(id);
        return OrderView.of(orders.accept(orderId), orders.payment(orderId).orElse(null));
    }

    /**
     * Version 1 (no {@code API-Version} header): the answer of the synchronous cancel. For an order the
     * delivery-service handles it waits up to {@code banyan.ordering.cancel-wait} for the service's answer (200
     * CANCELLED, or 409 picked up); still undecided then, it answers 202 with the CANCELLATION_PENDING order.
     */
    @PostMapping(path = "/{id}/cancel", version = "1")
    ResponseEntity<OrderView> cancel(@PathVariable String id) {
        OrderId orderId = orderId(id);
        return cancellation(orders.cancelAndWait(orderId, cancelWait));
    }

    /**
     * Version 2: answers at once; an ACCEPTED order of the delivery-service answers 202 with the
     * CANCELLATION_PENDING order and its {@code Location} to poll.
     */
    @PostMapping(path = "/{id}/cancel", version = "2")
    ResponseEntity<OrderView> cancelWithoutWaiting(@PathVariable String id) {
        OrderId orderId = orderId(id);
        return cancellation(orders.cancel(orderId));
    }

    private ResponseEntity<OrderView> cancellation(Order order) {
        OrderView view = OrderView.of(order, orders.payment(order.getId()).orElse(null));
        if (order.status() == OrderStatus.CANCELLATION_PENDING) {
            return ResponseEntity.accepted()
                    .location(URI.create("/api/orders/" + order.getId()))
                    .body(view);
        }
        return ResponseEntity.ok(view);
    }

    /** The request record; the header's problems are listed in the same 400 as the body's. */
    private static PlaceOrder placeOrder(JsonRequest body, String idempotencyKey) {
        UUID customerId = body.requiredUuid("customerId");
        UUID restaurantId = body.requiredUuid("restaurantId");
        UUID addressId = body.optionalUuid("deliveryAddressId");
        List<PlaceOrder.Item> items = new ArrayList<>();
        for (JsonRequest item : body.requiredObjects("items")) {
            UUID menuItemId = item.requiredUuid("menuItemId");
            Long quantity = item.requiredLong("quantity", 1);
            if (quantity != null && quantity > OrderLine.MAX_QUANTITY) {
                item.reject("quantity", "must be between 1 and " + OrderLine.MAX_QUANTITY);
            } else if (menuItemId != null && quantity != null) {
                items.add(new PlaceOrder.Item(new MenuItemId(menuItemId), quantity.intValue()));
            }
        }
        IdempotencyKey key = null;
        if (idempotencyKey != null) {
            String violation = IdempotencyKey.violation(idempotencyKey);
            if (violation != null) {
                body.reject(IDEMPOTENCY_KEY, "header " + violation);
            } else {
                key = new IdempotencyKey(idempotencyKey);
            }
        }
        return body.isValid()
                ? new PlaceOrder(new CustomerId(customerId), new RestaurantId(restaurantId), addressId, items, key)
                : null;
    }

    private static OrderId orderId(String id) {
        return new OrderId(Ids.parse(id, "id"));
    }

    @JsonPropertyOrder({
        "id",
        "customerId",
        "restaurantId",
        "status",
        "items",
        "subtotal",
        "deliveryFee",
        "total",
        "deliveryAddress",
        "payment",
        "placedAt",
        "acceptedAt",
        "pickedUpAt",
        "deliveredAt",
        "cancelledAt"
    })
    record OrderView(
            UUID id,
            UUID customerId,
            UUID restaurantId,
            String status,
            List<LineView> items,
            long subtotal,
            long deliveryFee,
            long total,
            String deliveryAddress,
            PaymentView payment,
            Instant placedAt,
            Instant acceptedAt,
            Instant pickedUpAt,
            Instant deliveredAt,
            Instant cancelledAt) {

        static OrderView of(Order order, PaymentSummary payment) {
            return new OrderView(
                    order.getId().value(),
                    order.customerId().value(),
                    order.restaurantId().value(),
                    order.status().name(),
                    order.lines().stream().map(LineView::of).toList(),
                    order.subtotal().amount(),
                    order.deliveryFee().amount(),
                    order.total().amount(),
                    order.deliveryAddress(),
                    payment == null ? null : PaymentView.of(payment),
                    order.placedAt(),
                    order.acceptedAt(),
                    order.pickedUpAt(),
                    order.deliveredAt(),
                    order.cancelledAt());
        }
    }

    @JsonPropertyOrder({"menuItemId", "name", "unitPrice", "quantity", "lineTotal"})
    record LineView(UUID menuItemId, String name, long unitPrice, int quantity, long lineTotal) {
        static LineView of(OrderLine line) {
            return new LineView(
                    line.menuItemId().value(),
                    line.name(),
                    line.unitPrice().amount(),
                    line.quantity(),
                    line.lineTotal().amount());
        }
    }

    @JsonPropertyOrder({"id", "status", "amount", "capturedAmount", "refundedAmount"})
    record PaymentView(UUID id, String status, long amount, long capturedAmount, long refundedAmount) {
        static PaymentView of(PaymentSummary payment) {
            return new PaymentView(
                    payment.id().value(),
                    payment.status().name(),
                    payment.amount().amount(),
                    payment.capturedAmount().amount(),
                    payment.refundedAmount().amount());
        }
    }
}
