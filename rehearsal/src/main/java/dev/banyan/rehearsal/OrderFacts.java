package dev.banyan.rehearsal;

import java.util.EnumSet;
import java.util.Set;

/**
 * One accepted order as both databases hold it after the run, and what is wrong with it. The rules are those of the
 * Saga, written down here once more, independently of the code under test:
 *
 * <ul>
 *     <li>the order is final (DELIVERED or CANCELLED), else it is stuck;</li>
 *     <li>a live (not cancelled) order has exactly one live delivery with a rider, on the side its stamp names;</li>
 *     <li>the other side never assigned it: the monolith has no delivery for a service-handled order, and the
 *     service's row of a monolith-handled order is the backfilled copy (same id), never one of its own;</li>
 *     <li>a cancelled order's delivery was never picked up, and a delivered order's payment was never voided or
 *     refunded;</li>
 *     <li>the service never changes a delivery it does not own: its copy of a monolith-handled delivery has the
 *     monolith's status (the backfill keeps it so), else the service acted on it, e.g. served its pickup.</li>
 * </ul>
 *
 * @param handler the order's stamp, {@code monolith} or {@code delivery-service}
 * @param monolithDelivery the monolith's {@code delivery.delivery} row, or null
 * @param serviceDelivery the delivery-service's {@code delivery} row, or null
 * @param paymentStatus the monolith's {@code payment.payment} status, or null
 */
record OrderFacts(
        String orderId,
        String status,
        String handler,
        Delivery monolithDelivery,
        Delivery serviceDelivery,
        String paymentStatus) {

    static final String SERVICE = "delivery-service";

    /** A delivery row: its id, status and rider (null when none was assigned). */
    record Delivery(String id, String status, String riderId) {
        boolean live() {
            return !status.equals("CANCELLED") && riderId != null;
        }
    }

    enum Problem {
        STUCK,
        LOST_ASSIGNMENT,
        DUPLICATE_ASSIGNMENT,
        CANCELLED_YET_DELIVERED,
        CHANGED_BY_THE_WRONG_SIDE
    }

    boolean serviceHandled() {
        return SERVICE.equals(handler);
    }

    Set<Problem> problems() {
        Set<Problem> problems = EnumSet.noneOf(Problem.class);
        boolean cancelled = status.equals("CANCELLED");
        if (!cancelled && !status.equals("DELIVERED")) {
            problems.add(Problem.STUCK);
        }
        Delivery own = serviceHandled() ? serviceDelivery : monolithDelivery;
        if (!cancelled && (own == null || !own.live())) {
            problems.add(Problem.LOST_ASSIGNMENT);
        }
        if (serviceHandled()
                ? monolithDelivery != null
                : serviceDelivery != null
                                && monolithDelivery != null
                                && !serviceDelivery.id().equals(monolithDelivery.id())
                        || serviceDelivery != null && monolithDelivery == null) {
            problems.add(Problem.DUPLICATE_ASSIGNMENT);
        }
        boolean handedOver =
                own != null && (own.status().equals("PICKED_UP") || own.status().equals("DELIVERED"));
        boolean refunded = "VOIDED".equals(paymentStatus) || "REFUNDED".equals(paymentStatus);
        if (cancelled && handedOver || status.equals("DELIVERED") && refunded) {
            problems.add(Problem.CANCELLED_YET_DELIVERED);
        }
        if (!serviceHandled()
                && monolithDelivery != null
                && serviceDelivery != null
                && monolithDelivery.id().equals(serviceDelivery.id())
                && !monolithDelivery.status().equals(serviceDelivery.status())) {
            problems.add(Problem.CHANGED_BY_THE_WRONG_SIDE);
        }
        return problems;
    }
}
