package dev.banyan.rehearsal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

/**
 * The delivery extraction's checks, written as plain SQL on both databases and plain reads of the topics, so they
 * do not trust the code they check: which orders were accepted and how they are stamped, what each side assigned,
 * what was published and what was received.
 */
final class DeliveryChecks {

    static final String ORDER_TOPIC = "banyan.order.events";
    static final String DELIVERY_TOPIC = "banyan.delivery.events";
    static final List<String> DEAD_LETTER_TOPICS =
            List.of(ORDER_TOPIC + ".dlt", DELIVERY_TOPIC + ".dlt", "banyan.outbox.dlt");

    private final String monolithUrl;
    private final String serviceUrl;
    private final String kafka;

    DeliveryChecks(String monolithUrl, String serviceUrl, String kafka) {
        this.monolithUrl = monolithUrl;
        this.serviceUrl = serviceUrl;
        this.kafka = kafka;
    }

    /** The monolith database's clock, the one its {@code accepted_at} stamps are taken from. */
    Instant monolithNow() throws SQLException {
        try (Connection monolith = monolith();
                ResultSet now = monolith.createStatement().executeQuery("select now()")) {
            now.next();
            return now.getTimestamp(1).toInstant();
        }
    }

    /** Orders accepted in {@code [from, to)} by stamp, e.g. {@code {monolith=12, delivery-service=3}}. */
    Map<String, Integer> stampsOfAcceptedBetween(Instant from, Instant to) throws SQLException {
        Map<String, Integer> stamps = new HashMap<>();
        try (Connection monolith = monolith();
                PreparedStatement query = monolith.prepareStatement(
                        "select coalesce(delivery_handler, '(none)'), count(*) from ordering.customer_order"
                                + " where accepted_at >= ? and accepted_at < ? group by 1")) {
            query.setTimestamp(1, Timestamp.from(from));
            query.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stamps.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return stamps;
    }

    /**
     * Monolith-handled orders accepted in {@code [from, to)}: did the delivery-service's sandbox decide as the monolith
     * did? The monolith assigned a rider ⇔ the service would ASSIGN; the monolith cancelled an accepted order ⇔ the
     * service would CANCEL. Waits for decisions still on their way (the sandbox is fed through the outbox and Kafka).
     */
    ShadowComparison compareShadow(Instant from, Instant to, Duration patience) throws Exception {
        Instant deadline = Instant.now().plus(patience);
        ShadowComparison comparison;
        do {
            comparison = compareShadowOnce(from, to);
            if (comparison.disagreements() == 0) {
                return comparison;
            }
            Thread.sleep(500);
        } while (Instant.now().isBefore(deadline));
        return comparison;
    }

    private ShadowComparison compareShadowOnce(Instant from, Instant to) throws SQLException {
        Map<String, Set<String>> monolithDid = new HashMap<>();
        try (Connection monolith = monolith();
                PreparedStatement query = monolith.prepareStatement("""
                        select o.id::text, d.rider_id is not null, o.status = 'CANCELLED'
                        from ordering.customer_order o left join delivery.delivery d on d.order_id = o.id
                        where o.delivery_handler = 'monolith' and o.accepted_at >= ? and o.accepted_at < ?
                        """)) {
            query.setTimestamp(1, Timestamp.from(from));
            query.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Set<String> decisions = new HashSet<>();
                    if (rows.getBoolean(2)) {
                        decisions.add("ASSIGN");
                    }
                    if (rows.getBoolean(3)) {
                        decisions.add("CANCEL");
                    }
                    monolithDid.put(rows.getString(1), decisions);
                }
            }
        }
        Map<String, Set<String>> serviceWould = new HashMap<>();
        try (Connection service = service();
                ResultSet rows = service.createStatement()
                        .executeQuery("select order_id::text, decision from shadow_decision")) {
            while (rows.next()) {
                serviceWould
                        .computeIfAbsent(rows.getString(1), id -> new HashSet<>())
                        .add(rows.getString(2));
            }
        }
        int disagreements = 0;
        List<String> samples = new ArrayList<>();
        for (Map.Entry<String, Set<String>> order : monolithDid.entrySet()) {
            Set<String> would = serviceWould.getOrDefault(order.getKey(), Set.of());
            Set<String> comparable = new HashSet<>(would);
            comparable.remove("REFUSE"); // the monolith refuses synchronously (409) and writes no event for it
            if (!comparable.equals(order.getValue())) {
                disagreements++;
                if (samples.size() < 5) {
                    samples.add("order " + order.getKey() + ": monolith " + order.getValue() + ", delivery-service "
                            + would);
                }
            }
        }
        return new ShadowComparison(monolithDid.size(), disagreements, samples);
    }

    record ShadowComparison(int compared, int disagreements, List<String> samples) {}

    /**
     * Reconciles every order accepted since {@code since}; waits up to {@code patience} for the Saga to converge
     * (events still on their way) and reports the last look.
     */
    DeliveryFigures reconcile(
            Instant since,
            Set<String> placedOrders,
            Duration patience,
            int shadowCompared,
            int shadowDisagreements,
            int misstamped,
            int rollback,
            String clients,
            Progress progress)
            throws Exception {
        Instant deadline = Instant.now().plus(patience);
        DeliveryFigures figures;
        do {
            figures = reconcileOnce(
                    since, placedOrders, shadowCompared, shadowDisagreements, misstamped, rollback, clients);
            if (figures.stuckOrders() + figures.lostAssignments() + figures.lostEvents() == 0) {
                return figures;
            }
            progress.tick("waiting for the Saga to converge (" + figures.stuckOrders() + " orders not final, "
                    + figures.lostEvents() + " events not received yet)");
            Thread.sleep(1_000);
        } while (Instant.now().isBefore(deadline));
        return figures;
    }

    private DeliveryFigures reconcileOnce(
            Instant since,
            Set<String> placedOrders,
            int shadowCompared,
            int shadowDisagreements,
            int misstamped,
            int rollback,
            String clients)
            throws Exception {
        Map<String, OrderFacts.Delivery> serviceDeliveries = new HashMap<>();
        Map<String, Instant[]> serviceTimes = new HashMap<>();
        Set<String> serviceInbox = new HashSet<>();
        int serviceOutbox;
        try (Connection service = service()) {
            try (ResultSet rows = service.createStatement()
                    .executeQuery("select order_id::text, id::text, status, rider_id::text, assigned_at, delivered_at"
                            + " from delivery")) {
                while (rows.next()) {
                    serviceDeliveries.put(
                            rows.getString(1),
                            new OrderFacts.Delivery(rows.getString(2), rows.getString(3), rows.getString(4)));
                    serviceTimes.put(rows.getString(1), new Instant[] {instant(rows, 5), instant(rows, 6)});
                }
            }
            serviceInbox.addAll(strings(service, "select message_id::text from inbox"));
            serviceOutbox = count(service, "select count(*) from outbox");
        }

        List<OrderFacts> orders = new ArrayList<>();
        Map<String, Instant> acceptedAt = new HashMap<>();
        Map<String, Instant> monolithInbox = new HashMap<>();
        List<String> samples = new ArrayList<>();
        int monolithOutbox;
        int unacceptedLeftOpen;
        try (Connection monolith = monolith()) {
            try (PreparedStatement query = monolith.prepareStatement("""
                    select o.id::text, o.status, o.delivery_handler, o.accepted_at,
                           d.id::text, d.status, d.rider_id::text, p.status
                    from ordering.customer_order o
                    left join delivery.delivery d on d.order_id = o.id
                    left join payment.payment p on p.order_id = o.id
                    where o.accepted_at >= ?
                    """)) {
                query.setTimestamp(1, Timestamp.from(since));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        String id = rows.getString(1);
                        orders.add(new OrderFacts(
                                id,
                                rows.getString(2),
                                rows.getString(3),
                                rows.getString(5) == null
                                        ? null
                                        : new OrderFacts.Delivery(
                                                rows.getString(5), rows.getString(6), rows.getString(7)),
                                serviceDeliveries.get(id),
                                rows.getString(8)));
                        acceptedAt.put(id, instant(rows, 4));
                    }
                }
            }
            // orders the load generator placed for their life and never saw accepted nor cancelled
            try (PreparedStatement query = monolith.prepareStatement(
                    "select id::text from ordering.customer_order where id = any(?::uuid[]) and status = 'PLACED'")) {
                query.setArray(1, monolith.createArrayOf("text", placedOrders.toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    unacceptedLeftOpen = 0;
                    while (rows.next()) {
                        unacceptedLeftOpen++;
                        addSample(samples, "order " + rows.getString(1) + " is still PLACED");
                    }
                }
            }
            try (ResultSet rows = monolith.createStatement()
                    .executeQuery("select message_id::text, received_at from ordering.inbox")) {
                while (rows.next()) {
                    monolithInbox.put(rows.getString(1), instant(rows, 2));
                }
            }
            monolithOutbox = count(monolith, "select count(*) from ordering.outbox");
        }

        List<TopicReader.Event> orderEvents = TopicReader.readAll(kafka, ORDER_TOPIC);
        List<TopicReader.Event> deliveryEvents = TopicReader.readAll(kafka, DELIVERY_TOPIC);
        int deadLetters = 0;
        for (String topic : DEAD_LETTER_TOPICS) {
            deadLetters += TopicReader.readAll(kafka, topic).size();
        }

        int stuck = unacceptedLeftOpen;
        int lost = 0;
        int duplicates = 0;
        int cancelledYetDelivered = 0;
        int changedByTheWrongSide = 0;
        int serviceHandled = 0;
        List<Long> assign = new ArrayList<>();
        for (OrderFacts order : orders) {
            Set<OrderFacts.Problem> problems = order.problems();
            stuck += problems.contains(OrderFacts.Problem.STUCK) ? 1 : 0;
            lost += problems.contains(OrderFacts.Problem.LOST_ASSIGNMENT) ? 1 : 0;
            duplicates += problems.contains(OrderFacts.Problem.DUPLICATE_ASSIGNMENT) ? 1 : 0;
            cancelledYetDelivered += problems.contains(OrderFacts.Problem.CANCELLED_YET_DELIVERED) ? 1 : 0;
            changedByTheWrongSide += problems.contains(OrderFacts.Problem.CHANGED_BY_THE_WRONG_SIDE) ? 1 : 0;
            if (!problems.isEmpty() && samples.size() < 10) {
                samples.add("order " + order.orderId() + " " + order.status() + " (" + order.handler() + "): "
                        + problems + ", monolith delivery " + order.monolithDelivery() + ", service delivery "
                        + order.serviceDelivery());
            }
            if (order.serviceHandled()) {
                serviceHandled++;
                Instant assigned =
                        serviceTimes.containsKey(order.orderId()) ? serviceTimes.get(order.orderId())[0] : null;
                Instant accepted = acceptedAt.get(order.orderId());
                if (assigned != null && accepted != null) {
                    assign.add(Duration.between(accepted, assigned).toMillis());
                }
            }
        }

        // Events: every delivery event reached the monolith's inbox, every order event the service's inbox; every
        // service-handled order has its OrderAccepted on the topic; a DeliveryAssigned per order at most once.
        int lostEvents = monolithOutbox + serviceOutbox;
        for (TopicReader.Event event : deliveryEvents) {
            if (!monolithInbox.containsKey(event.header("id"))) {
                lostEvents++;
                addSample(
                        samples,
                        "delivery event " + event.header("eventType") + " " + event.header("id") + " of order "
                                + event.key() + " is not in the monolith's inbox");
            }
        }
        Set<String> acceptedOnTopic = new HashSet<>();
        for (TopicReader.Event event : orderEvents) {
            if (!serviceInbox.contains(event.header("id"))) {
                lostEvents++;
                addSample(
                        samples,
                        "order event " + event.header("eventType") + " " + event.header("id") + " of order "
                                + event.key() + " is not in the delivery-service's inbox");
            }
            if (event.header("eventType").equals("OrderAccepted")) {
                acceptedOnTopic.add(event.key());
            }
        }
        for (OrderFacts order : orders) {
            if (order.serviceHandled() && !acceptedOnTopic.contains(order.orderId())) {
                lostEvents++;
                addSample(
                        samples,
                        "order " + order.orderId() + " is service-handled but no OrderAccepted is on " + ORDER_TOPIC);
            }
        }
        Map<String, Set<String>> assignedIds = new HashMap<>();
        List<Long> delivered = new ArrayList<>();
        for (TopicReader.Event event : deliveryEvents) {
            if (event.header("eventType").equals("DeliveryAssigned")) {
                assignedIds.computeIfAbsent(event.key(), k -> new HashSet<>()).add(deliveryIdOf(event));
            } else if (event.header("eventType").equals("DeliveryCompleted")) {
                Instant received = monolithInbox.get(event.header("id"));
                Instant[] times = serviceTimes.get(event.key());
                if (received != null && times != null && times[1] != null) {
                    delivered.add(Duration.between(times[1], received).toMillis());
                }
            }
        }
        for (Map.Entry<String, Set<String>> order : assignedIds.entrySet()) {
            if (order.getValue().size() > 1) {
                duplicates++;
                addSample(
                        samples,
                        "order " + order.getKey() + " was assigned "
                                + order.getValue().size() + " times on " + DELIVERY_TOPIC);
            }
        }
        if (deadLetters > 0) {
            addSample(samples, deadLetters + " records on " + DEAD_LETTER_TOPICS);
        }
        return new DeliveryFigures(
                orders.size(),
                serviceHandled,
                orders.size() - serviceHandled,
                Percentiles.of(assign, 50),
                Percentiles.of(assign, 99),
                Percentiles.of(delivered, 50),
                Percentiles.of(delivered, 99),
                stuck,
                duplicates,
                lost,
                lostEvents,
                changedByTheWrongSide,
                deadLetters,
                cancelledYetDelivered,
                shadowCompared,
                shadowDisagreements,
                misstamped,
                rollback,
                clients,
                List.copyOf(samples));
    }

    private static String deliveryIdOf(TopicReader.Event event) {
        return JsonMapper.builder()
                .build()
                .readTree(event.value())
                .path("deliveryId")
                .asString();
    }

    private static void addSample(List<String> samples, String sample) {
        if (samples.size() < 10) {
            samples.add(sample);
        }
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        Timestamp timestamp = rows.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static int count(Connection connection, String sql) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private Connection monolith() throws SQLException {
        return DriverManager.getConnection(monolithUrl, "postgres", "");
    }

    private Connection service() throws SQLException {
        return DriverManager.getConnection(serviceUrl, "postgres", "");
    }
}
