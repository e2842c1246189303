package dev.banyan.monolith.ordering.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.banyan.monolith.catalog.CatalogApi;
import dev.banyan.monolith.catalog.MenuItemId;
import dev.banyan.monolith.catalog.RestaurantId;
import dev.banyan.monolith.catalog.RestaurantMenu;
import dev.banyan.monolith.catalog.RestaurantStatus;
import dev.banyan.monolith.customer.CustomerApi;
import dev.banyan.monolith.customer.CustomerApi.CustomerProfile;
import dev.banyan.monolith.customer.CustomerId;
import dev.banyan.monolith.ordering.OrderAccepted;
import dev.banyan.monolith.ordering.OrderCancelled;
import dev.banyan.monolith.ordering.OrderDelivered;
import dev.banyan.monolith.ordering.OrderFulfilment;
import dev.banyan.monolith.ordering.OrderId;
import dev.banyan.monolith.ordering.OrderPlaced;
import dev.banyan.monolith.ordering.OrderStatus;
import dev.banyan.monolith.payment.PaymentApi;
import dev.banyan.monolith.payment.PaymentApi.Authorization;
import dev.banyan.monolith.payment.PaymentApi.PaymentSummary;
import dev.banyan.monolith.shared.DomainRuleException;
import dev.banyan.monolith.shared.Ids;
import dev.banyan.monolith.shared.IllegalTransitionException;
import dev.banyan.monolith.shared.NotFoundException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Placing and steering orders. Cross-context work goes through the public APIs of catalog (current menu), customer
 * (delivery address) and payment (authorize, capture, void/refund); the delivery context reacts to the published
 * events and reports back through {@link OrderFulfilment}.
 * <p>
 * The payment provider is remote, so it is never called inside an order's transaction: placing authorizes first and
 * then stores order and payment together (voiding the authorization if storing fails); accepting and cancelling
 * commit the decision first and then settle it with the provider. No request ever holds one pooled connection while
 * waiting for another.
 */
@Service
public class OrderService implements OrderFulfilment {

    private static final Logger log = LoggerFactory.getLogger(OrderService.class);

    private final Orders orders;
    private final CatalogApi catalog;
    private final CustomerApi customers;
    private final PaymentApi payments;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final EventRoutes eventRoutes;
    private final OrderOutbox outbox;
    private final CancellationWaiters waiters;

    OrderService(
            Orders orders,
            CatalogApi catalog,
            CustomerApi customers,
            PaymentApi payments,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactionManager,
            EventRoutes eventRoutes,
            OrderOutbox outbox,
            CancellationWaiters waiters) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.eventRoutes = eventRoutes;
        this.outbox = outbox;
        this.waiters = waiters;
        this.orders = orders;
        this.catalog = catalog;
        this.customers = customers;
        this.payments = payments;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What the customer asked for; {@code deliveryAddressId} null means the default address, {@code idempotencyKey}
     * null that the customer sent none (every request then places a new order).
     */
    public record PlaceOrder(
            CustomerId customerId,
            RestaurantId restaurantId,
            UUID deliveryAddressId,
            List<Item> items,
            IdempotencyKey idempotencyKey) {

        public record Item(MenuItemId menuItemId, int quantity) {}

        String fingerprint() {
            StringBuilder canonical = new StringBuilder()
                    .append(customerId)
                    .append('|')
                    .append(restaurantId)
                    .append('|')
                    .append(deliveryAddressId);
            items.forEach(item ->
                    canonical.append('|').append(item.menuItemId()).append('x').append(item.quantity()));
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256")
                        .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(hash);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** @param replayed true when an earlier request with the same idempotency key created the order */
    public record Placement(Order order, boolean replayed) {}

    /**
     * Validates against the current menu, prices the order and authorizes its total. With an idempotency key, a
     * repeated request returns the order created first (and the provider is never asked to charge again); the same
     * key with a different request is refused.
     */
    public Placement place(PlaceOrder request) {
        String idempotencyKey = request.idempotencyKey() == null
                ? null
                : request.idempotencyKey().value();
        String fingerprint = request.fingerprint();
        if (idempotencyKey != null) {
            Optional<Placement> earlier = replay(request, idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        CustomerProfile customer = customers
                .find(request.customerId())
                .orElseThrow(
                        () -> new NotFoundException("Customer " + request.customerId() + " (customerId) not found"));
        String deliveryAddress = deliveryAddress(customer, request.deliveryAddressId());
        RestaurantMenu menu = catalog.findMenu(request.restaurantId())
                .orElseThrow(() ->
                        new NotFoundException("Restaurant " + request.restaurantId() + " (restaurantId) not found"));
        if (!menu.takingOrders()) {
            throw new DomainRuleException("Restaurant " + menu.id() + " (" + menu.name() + ") is not taking orders: "
                    + (menu.status() == RestaurantStatus.OPEN
                            ? "it is outside its opening hours"
                            : "it is " + menu.status()));
        }
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            PlaceOrder.Item item = request.items().get(i);
            int index = i;
            RestaurantMenu.Entry entry = menu.item(item.menuItemId())
                    .orElseThrow(() -> new NotFoundException("Menu item " + item.menuItemId() + " (items[" + index
                            + "].menuItemId) is not on the menu of " + "restaurant " + menu.id()));
            if (!entry.available()) {
                throw new DomainRuleException(
                        "Menu item " + entry.id() + " (" + entry.name() + ") is not available" + " right now");
            }
            lines.add(new OrderLine(entry.id(), entry.name(), entry.price(), item.quantity()));
        }
        OrderAmounts.requireRepresentable(lines, menu.deliveryFee());
        OrderId orderId =
                idempotencyKey == null ? new OrderId(Ids.random()) : claim(request, idempotencyKey, fingerprint);
        Order order = Order.place(
                orderId,
                request.customerId(),
                request.restaurantId(),
                deliveryAddress,
                lines,
                menu.deliveryFee(),
                idempotencyKey,
                fingerprint,
                now());
        if (order.subtotal().isLessThan(menu.minimumOrderAmount())) {
            throw new DomainRuleException("Order subtotal " + order.subtotal() + " is below the minimum order "
                    + "amount of " + menu.minimumOrderAmount() + " of restaurant " + menu.id());
        }
        Authorization authorization =
                payments.authorize(orderId.value(), request.customerId().value(), order.total());
        if (!authorization.approved()) {
            throw new DomainRuleException("Payment declined: " + authorization.declineReason());
        }
        try {
            transactions.executeWithoutResult(status -> {
                orders.add(order);
                payments.record(authorization);
                events.publishEvent(new OrderPlaced(
                        orderId, order.customerId(), order.restaurantId(), order.total(), order.placedAt()));
            });
        } catch (DuplicateKeyException raced) {
            // A concurrent request with the same Idempotency-Key stored this order, with the same authorization.
            Optional<Placement> earlier = idempotencyKey == null ? Optional.empty() : replay(request, idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            throw compensate(authorization, raced);
        } catch (RuntimeException failed) {
            throw compensate(authorization, failed);
        }
        return new Placement(order, false);
    }

    /** The order could not be stored: the authorization must not stay open at the provider. */
    private RuntimeException compensate(Authorization authorization, RuntimeException failure) {
        try {
            payments.release(authorization);
        } catch (RuntimeException releaseFailed) {
            failure.addSuppressed(releaseFailed);
        }
        return failure;
    }

    /** The order that the customer's idempotency key created, if it got that far. */
    private Optional<Placement> replay(PlaceOrder request, String idempotencyKey) {
        Optional<OrderRequest> claim = orders.findRequest(request.customerId(), idempotencyKey);
        claim.ifPresent(earlier -> requireSameRequest(earlier, request.fingerprint()));
        return claim.flatMap(earlier -> orders.findById(earlier.orderId())).map(order -> new Placement(order, true));
    }

    /**
     * The order id of the customer's idempotency key: random for its first request; a retry of a request that
     * stopped before storing its order continues with the same id, so the provider answers it from its record
     * instead of authorizing again.
     */
    private OrderId claim(PlaceOrder request, String idempotencyKey, String fingerprint) {
        OrderRequest claim =
                orders.claim(request.customerId(), idempotencyKey, new OrderId(Ids.random()), fingerprint, now());
        requireSameRequest(claim, fingerprint);
        return claim.orderId();
    }

    private static void requireSameRequest(OrderRequest claim, String fingerprint) {
        if (!claim.requestFingerprint().equals(fingerprint)) {
            throw new DomainRuleException("Idempotency-Key " + claim.idempotencyKey() + " was already used for a "
                    + "different order request (order " + claim.orderId() + ")");
        }
    }

    private static String deliveryAddress(CustomerProfile customer, UUID addressId) {
        if (addressId == null) {
            if (customer.addresses().isEmpty()) {
                throw new DomainRuleException("Customer " + customer.id() + " has no delivery address");
            }
            return customer.addresses().get(0).address();
        }
        return customer.address(addressId)
                .map(CustomerApi.Address::address)
                .orElseThrow(() -> new NotFoundException("Delivery address " + addressId
                        + " (deliveryAddressId) not found for customer " + customer.id()));
    }

    @Transactional(readOnly = true)
    public Order order(OrderId id) {
        return require(id);
    }

    @Transactional(readOnly = true)
    public Optional<PaymentSummary> payment(OrderId id) {
        return payments.findByOrder(id.value());
    }

    /**
     * The restaurant accepts and starts cooking: the authorized payment is captured, and the order is stamped with
     * who delivers it, read from the event route {@code delivery} under a shared row lock (so a switch of the route
     * never overlaps an acceptance). {@code OrderAccepted} goes to the outbox for every order; the in-process event
     * that makes the monolith's delivery context assign a rider is published only for orders it handles.
     */
    public Order accept(OrderId id) {
        Order accepted = transactions.execute(status -> {
            Order order = lock(id);
            DeliveryHandler handler = DeliveryHandler.forStage(eventRoutes.lockStage(EventRoute.DELIVERY));
            order.accept(now(), handler);
            orders.update(order);
            payments.capture(id.value());
            String pickupAddress = catalog.findMenu(order.restaurantId())
                    .map(RestaurantMenu::address)
                    .orElseThrow(() -> new IllegalStateException(
                            "Restaurant " + order.restaurantId() + " of order " + id + " no longer exists"));
            outbox.accepted(order, pickupAddress);
            if (!order.deliveredByService()) {
                events.publishEvent(new OrderAccepted(
                        id, order.restaurantId(), pickupAddress, order.deliveryAddress(), order.acceptedAt()));
            }
            return order;
        });
        settle(id);
        return accepted;
    }

    /**
     * Cancels and gives the money back: voids the authorization (PLACED) or refunds the capture (ACCEPTED). An
     * ACCEPTED order of the delivery-service only becomes CANCELLATION_PENDING ({@code OrderCancellationRequested}
     * in the outbox); the money goes back when the service confirms. Cancelling a pending order again changes
     * nothing.
     */
    public Order cancel(OrderId id) {
        Order result = transactions.execute(status -> {
            Order order = lock(id);
            OrderStatus previous = order.cancel(now());
            if (order.status() == OrderStatus.CANCELLATION_PENDING) {
                if (previous != OrderStatus.CANCELLATION_PENDING) {
                    orders.update(order);
                    outbox.cancellationRequested(order);
                }
                return order;
            }
            orders.update(order);
            payments.cancel(id.value());
            outbox.cancelled(order, previous);
            if (!order.deliveredByService()) {
                events.publishEvent(new OrderCancelled(id, previous, order.cancelledAt()));
            }
            return order;
        });
        if (result.status() == OrderStatus.CANCELLED) {
            settle(id);
        }
        return result;
    }

    /**
     * Cancels like {@link #cancel} and, when the cancellation is pending, waits up to {@code wait} for the delivery
     * side's answer (applied by this instance's consumer): CANCELLED, or a refusal, answered as the 409 the
     * synchronous cancel gives for a picked-up order. Still pending after {@code wait}: the pending order.
     */
    public Order cancelAndWait(OrderId id, Duration wait) {
        CompletableFuture<Void> outcome = waiters.register(id);
        try {
            Order order = cancel(id);
            if (order.status() != OrderStatus.CANCELLATION_PENDING) {
                return order;
            }
            try {
                outcome.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillPending) {
                return require(id);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return require(id);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
            Order decided = require(id);
            if (decided.status() == OrderStatus.ACCEPTED) {
                throw new IllegalTransitionException(
                        decided.status().name(),
                        "Order " + id + " is ACCEPTED; its food was picked up by the rider, so it can no longer be "
                                + "cancelled");
            }
            return decided;
        } finally {
            waiters.forget(id, outcome);
        }
    }

    @Override
    @Transactional
    public void recordPickup(OrderId id, Instant pickedUpAt) {
        Order order = lock(id);
        order.recordPickup(pickedUpAt);
        orders.update(order);
    }

    @Override
    @Transactional
    public void markDelivered(OrderId id, Instant deliveredAt) {
        Order order = lock(id);
        order.deliver(deliveredAt);
        orders.update(order);
        events.publishEvent(new OrderDelivered(id, order.deliveredAt()));
    }

    /** Changes of one order (accept, cancel, pickup, delivery) wait for each other on the order's row lock. */
    private Order lock(OrderId id) {
        return orders.lockById(id).orElseThrow(() -> new NotFoundException("Order " + id + " not found"));
    }

    /** The decision is committed; if the provider cannot be told now, {@code PendingSettlements} retries. */
    private void settle(OrderId id) {
        try {
            payments.settle(id.value());
        } catch (RuntimeException e) {
            log.warn(
                    "Order {}: the payment provider has not confirmed the payment's new state yet; it will be "
                            + "retried: {}",
                    id,
                    e.getMessage());
        }
    }

    private Order require(OrderId id) {
        return orders.findById(id).orElseThrow(() -> new NotFoundException("Order " + id + " not found"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
