package dev.banyan.rehearsal;

import java.util.ArrayList;
import java.util.List;

/**
 * What the reconciliation of the delivery extraction found, from SQL on both databases and a read of the topics.
 *
 * @param acceptedOrders orders accepted during the delivery extraction
 * @param serviceHandled of those, stamped {@code delivery-service}
 * @param monolithHandled of those, stamped {@code monolith}
 * @param assignP50Millis saga convergence, order accepted (monolith) to delivery assigned (service)
 * @param deliveredP50Millis saga convergence, delivery completed (service) to the monolith's receipt of it (inbox)
 * @param stuckOrders orders not DELIVERED or CANCELLED after traffic drained and the saga had time to converge
 * @param duplicateAssignments orders assigned by both sides, or assigned twice on the topic
 * @param lostAssignments accepted, not cancelled orders without a live delivery on the side their stamp names
 * @param lostEvents events published but never received by the other side (inbox), events never published for an
 *     order that needed one, and outbox rows never published
 * @param changedByTheWrongSide monolith-handled deliveries whose copy the delivery-service changed itself
 * @param deadLetters records on the dead-letter topics
 * @param cancelledYetDelivered orders cancelled (and refunded) whose delivery was picked up or delivered, or
 *     delivered orders whose payment was voided or refunded
 * @param shadowCompared monolith-handled orders of the SHADOW window whose decisions were compared
 * @param shadowDisagreements of those, where the service would have decided otherwise than the monolith did
 * @param misstampedOrders orders accepted after a confirmed switch but stamped for the other side
 * @param rollbackOrders orders accepted during the rollback drill (stamped {@code monolith})
 * @param clients what the clients saw of the orders' lives
 */
record DeliveryFigures(
        int acceptedOrders,
        int serviceHandled,
        int monolithHandled,
        double assignP50Millis,
        double assignP99Millis,
        double deliveredP50Millis,
        double deliveredP99Millis,
        int stuckOrders,
        int duplicateAssignments,
        int lostAssignments,
        int lostEvents,
        int changedByTheWrongSide,
        int deadLetters,
        int cancelledYetDelivered,
        int shadowCompared,
        int shadowDisagreements,
        int misstampedOrders,
        int rollbackOrders,
        String clients,
        List<String> samples) {

    /** The failures among these figures, one sentence each; empty when the extraction held. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        add(problems, stuckOrders, "orders stuck in a non-final state after traffic drained");
        add(problems, duplicateAssignments, "orders assigned twice");
        add(problems, lostAssignments, "accepted orders without a delivery on the side that handles them");
        add(problems, lostEvents, "events lost between the two sides");
        add(problems, changedByTheWrongSide, "monolith-handled deliveries changed by the delivery-service");
        add(problems, deadLetters, "records on the dead-letter topics");
        add(problems, cancelledYetDelivered, "orders both cancelled and delivered");
        add(problems, shadowDisagreements, "shadow decisions of the delivery-service that differ from the monolith's");
        add(problems, misstampedOrders, "orders stamped for the wrong side after a confirmed switch");
        if (shadowCompared == 0) {
            problems.add("The event SHADOW step compared no decisions");
        }
        if (serviceHandled == 0) {
            problems.add("No order was handled by the delivery-service, so the cutover proved nothing");
        }
        if (rollbackOrders == 0) {
            problems.add("No order was accepted during the rollback drill, so it proved nothing");
        }
        return problems;
    }

    private static void add(List<String> problems, int count, String what) {
        if (count > 0) {
            problems.add(count + " " + what);
        }
    }
}
