package dev.banyan.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.banyan.delivery.application.ShadowMode;
import dev.banyan.events.EventHeaders;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer of {@code banyan.order.events} on a real broker and a real database: assignment, the inbox against
 * redelivery, dead letters, retries while the database fails, the Saga's cancel step and stage SHADOW.
 */
class OrderEventsIntegrationTests extends ApplicationIntegrationTest {

    private static final String DLT = "banyan.order.events.dlt";

    @Autowired
    MeterRegistry meters;

    @Autowired
    ShadowMode shadowMode;

    @Test
    void orderAcceptedAssignsALeastBusyRiderAndWritesAValidDeliveryAssigned() {
        Map<String, Long> activeBefore = activeDeliveriesByRider();
        long fewest = activeBefore.values().stream().min(Long::compare).orElseThrow();
        UUID order = UUID.randomUUID();

        publishAccepted(order, "delivery-service");

        awaitStatus(order, "ASSIGNED");
        String rider = jdbc.sql("select rider_id::text from delivery where order_id = :order")
                .param("order", order)
                .query(String.class)
                .single();
        assertThat(activeBefore.get(rider)).isEqualTo(fewest);
        List<Map<String, Object>> outbox = outboxRows(order);
        assertThat(outbox).hasSize(1);
        Map<String, Object> row = outbox.get(0);
        assertThat(row.get("type")).isEqualTo("DeliveryAssigned");
        assertThat(row.get("aggregatetype")).isEqualTo("delivery");
        assertThat(row.get("aggregateid")).isEqualTo(order.toString());
        assertThat(SCHEMAS.problems("DeliveryAssigned", 1, (String) row.get("payload")))
                .isEmpty();
        JsonNode payload = JSON.readTree((String) row.get("payload"));
        assertThat(payload.get("riderId").stringValue()).isEqualTo(rider);
        assertThat(payload.get("orderId").stringValue()).isEqualTo(order.toString());
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        UUID order = UUID.randomUUID();
        UUID event = UUID.randomUUID();

        publishAccepted(event, order, "delivery-service");
        publishAccepted(event, order, "delivery-service");
        UUID later = processedMarker();

        assertThat(status(later)).isEqualTo("ASSIGNED");
        assertThat(count("select count(*) from delivery where order_id = '" + order + "'"))
                .isEqualTo(1);
        assertThat(outboxTypes(order)).containsExactly("DeliveryAssigned");
        assertThat(count("select count(*) from inbox where message_id = '" + event + "'"))
                .isEqualTo(1);
    }

    @Test
    void unreadableEventsGoToTheDeadLetterTopicWithTheirReasonAndTheNextGoodOneIsApplied() {
        double invalidBefore = deadLettered("invalid-payload");
        double unknownBefore = deadLettered("unknown-event");
        double missingBefore = deadLettered("missing-header");
        UUID notJson = UUID.randomUUID();
        UUID unknownVersion = UUID.randomUUID();
        UUID missingHandler = UUID.randomUUID();
        UUID badField = UUID.randomUUID();

        TestKafka.publish(
                notJson.toString(),
                "{\"orderId\": oops",
                TestKafka.headers(UUID.randomUUID(), "OrderAccepted", "delivery-service"));
        Map<String, String> v2 =
                new HashMap<>(TestKafka.headers(UUID.randomUUID(), "OrderAccepted", "delivery-service"));
        v2.put(EventHeaders.VERSION, "2");
        TestKafka.publish(unknownVersion.toString(), acceptedPayload(unknownVersion), v2);
        Map<String, String> noHandler = new HashMap<>(TestKafka.headers(UUID.randomUUID(), "OrderAccepted", "x"));
        noHandler.remove(EventHeaders.HANDLER);
        TestKafka.publish(missingHandler.toString(), acceptedPayload(missingHandler), noHandler);
        TestKafka.publish(
                badField.toString(),
                acceptedPayload(badField).replace("2026-06-01T02:15:30.123456Z", "yesterday"),
                TestKafka.headers(UUID.randomUUID(), "OrderAccepted", "delivery-service"));
        UUID good = UUID.randomUUID();
        publishAccepted(good, "delivery-service");

        awaitStatus(good, "ASSIGNED");
        Map<String, String> reasons = new HashMap<>();
        for (ConsumerRecord<String, String> record : TestKafka.readAll(DLT)) {
            reasons.put(
                    record.key(),
                    new String(
                            record.headers()
                                    .lastHeader(EventHeaders.DEAD_LETTER_REASON)
                                    .value(),
                            StandardCharsets.UTF_8));
        }
        assertThat(reasons.get(notJson.toString())).startsWith("invalid-payload: payload is not JSON");
        assertThat(reasons.get(unknownVersion.toString()))
                .isEqualTo("unknown-event: OrderAccepted v2 is not an event of banyan.order.events");
        assertThat(reasons.get(missingHandler.toString())).isEqualTo("missing-header: header handler is missing");
        assertThat(reasons.get(badField.toString())).startsWith("invalid-payload: /acceptedAt: does not match");
        for (UUID rejected : List.of(notJson, unknownVersion, missingHandler, badField)) {
            assertThat(status(rejected)).isEqualTo("NONE");
        }
        assertThat(deadLettered("invalid-payload") - invalidBefore).isEqualTo(2);
        assertThat(deadLettered("unknown-event") - unknownBefore).isEqualTo(1);
        assertThat(deadLettered("missing-header") - missingBefore).isEqualTo(1);
        assertThat(get("/actuator/prometheus").body())
                .contains("banyan_events_dead_lettered_total{application=\"delivery-service\","
                        + "reason=\"unknown-event\",topic=\"banyan.order.events\"}");
    }

    @Test
    void anEventThatFailsOnTheDatabaseIsRetriedUntilItSucceedsAndNeverDeadLettered() {
        UUID order = UUID.randomUUID();
        jdbc.sql("alter table inbox rename to inbox_unavailable").update();
        try {
            publishAccepted(order, "delivery-service");
            await("the event to stay unapplied while the inbox table is missing")
                    .during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> status(order).equals("NONE"));
        } finally {
            jdbc.sql("alter table inbox_unavailable rename to inbox").update();
        }

        awaitStatus(order, "ASSIGNED");
        assertThat(outboxTypes(order)).containsExactly("DeliveryAssigned");
        assertThat(TestKafka.readAll(DLT)).noneMatch(record -> order.toString().equals(record.key()));
    }

    @Test
    void cancellationOfAnAssignedDeliveryIsConfirmed() {
        UUID order = UUID.randomUUID();
        publishAccepted(order, "delivery-service");
        awaitStatus(order, "ASSIGNED");

        publishCancellationRequested(order, "delivery-service");

        awaitStatus(order, "CANCELLED");
        assertThat(outboxTypes(order)).containsExactly("DeliveryAssigned", "DeliveryCancelled");
        assertThat(post("/api/deliveries/" + order + "/pickup").status()).isEqualTo(409);
    }

    @Test
    void cancellationAfterPickupIsRefusedWithTheReasonAndTheDeliveryGoesOn() {
        UUID order = UUID.randomUUID();
        publishAccepted(order, "delivery-service");
        awaitStatus(order, "ASSIGNED");
        assertThat(post("/api/deliveries/" + order + "/pickup").status()).isEqualTo(200);

        publishCancellationRequested(order, "delivery-service");

        await().atMost(Duration.ofSeconds(30)).until(() -> outboxTypes(order).contains("DeliveryCancellationRefused"));
        assertThat(status(order)).isEqualTo("PICKED_UP");
        Map<String, Object> refusal = outboxRows(order).get(2);
        assertThat(SCHEMAS.problems("DeliveryCancellationRefused", 1, (String) refusal.get("payload")))
                .isEmpty();
        assertThat(JSON.readTree((String) refusal.get("payload")).get("reason").stringValue())
                .isEqualTo("PICKED_UP");
    }

    @Test
    void aCancellationThatOvertakesTheAcceptanceLeavesACancelledDeliveryAndNoRider() {
        UUID order = UUID.randomUUID();

        publishCancellationRequested(order, "delivery-service");
        awaitStatus(order, "CANCELLED");
        publishAccepted(order, "delivery-service");
        UUID later = processedMarker();

        assertThat(status(later)).isEqualTo("ASSIGNED");
        assertThat(status(order)).isEqualTo("CANCELLED");
        assertThat(outboxTypes(order)).containsExactly("DeliveryCancelled");
        assertThat(count("select count(*) from delivery where rider_id is null and order_id = '" + order + "'"))
                .isEqualTo(1);
    }

    @Test
    void eventsOfMonolithHandledOrdersOnlyReachTheInboxOutsideShadow() {
        UUID order = UUID.randomUUID();
        UUID event = publishAccepted(order, "monolith");
        processedMarker();

        assertThat(status(order)).isEqualTo("NONE");
        assertThat(outboxTypes(order)).isEmpty();
        assertThat(count("select count(*) from inbox where message_id = '" + event + "'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from shadow_decision where order_id = '" + order + "'"))
                .isZero();
    }

    @Test
    void inShadowTheServiceRecordsItsDecisionsForMonolithHandledOrdersAndChangesNothingElse() {
        UUID accepted = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        shadowMode.set(true);
        try {
            publishAccepted(accepted, "monolith");
            publishAccepted(cancelled, "monolith");
            TestKafka.publish(
                    cancelled.toString(),
                    """
                    {"orderId":"%s","previousStatus":"ACCEPTED","cancelledAt":"2026-06-01T02:17:03Z"}""".formatted(cancelled),
                    TestKafka.headers(UUID.randomUUID(), "OrderCancelled", "monolith"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> count("select count(*) from shadow_decision where order_id in ('" + accepted + "', '"
                                    + cancelled + "')")
                            == 3);
        } finally {
            shadowMode.set(false);
        }

        List<String> decisions = jdbc.sql("select decision || ':' || (rider_id is not null) from shadow_decision "
                        + "where order_id = :order order by decided_at")
                .param("order", cancelled)
                .query(String.class)
                .list();
        assertThat(decisions).containsExactly("ASSIGN:true", "CANCEL:false");
        for (UUID order : List.of(accepted, cancelled)) {
            assertThat(status(order)).isEqualTo("NONE");
            assertThat(outboxTypes(order)).isEmpty();
        }
    }

    /** Publishes an acceptance after whatever the test published before and waits until it is applied. */
    private UUID processedMarker() {
        UUID marker = UUID.randomUUID();
        publishAccepted(marker, "delivery-service");
        awaitStatus(marker, "ASSIGNED");
        return marker;
    }

    private static String acceptedPayload(UUID order) {
        return """
                {"orderId":"%s","restaurantId":"1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b","pickupAddress":"강남",
                 "dropOffAddress":"마포","acceptedAt":"2026-06-01T02:15:30.123456Z"}""".formatted(order);
    }

    private Map<String, Long> activeDeliveriesByRider() {
        Map<String, Long> active = new HashMap<>();
        jdbc.sql("select r.id::text as rider, count(d.id) as active from rider r left join delivery d "
                        + "on d.rider_id = r.id and d.status in ('ASSIGNED', 'PICKED_UP') group by r.id")
                .query((rows, n) -> active.put(rows.getString("rider"), rows.getLong("active")))
                .list();
        return active;
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private double deadLettered(String reason) {
        Counter counter = meters.find("banyan.events.dead.lettered")
                .tag("topic", "banyan.order.events")
                .tag("reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
