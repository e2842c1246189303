package dev.banyan.monolith.ordering.saga;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.banyan.events.EventHeaders;
import dev.banyan.events.EventSchemas;
import dev.banyan.monolith.Fixtures;
import dev.banyan.monolith.HttpTestClient.Response;
import dev.banyan.monolith.MonolithIntegrationTest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import static dev.banyan.monolith.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ordering's side of the delivery Saga against a real broker (the embedded one, ephemeral, on a free port): delivery
 * events published the way the cdc-bridge publishes the service's outbox (key = order id, headers {@code id},
 * {@code eventType}, {@code eventVersion}) move the orders of the delivery-service; duplicates change nothing; bad
 * records go to the dead-letter topic with their reason while the consumer goes on; and the cancel that races a
 * pickup ends in exactly one outcome.
 */
@TestPropertySource(
        properties = {
            "banyan.embedded-kafka.enabled=true",
            "banyan.embedded-kafka.ephemeral=true",
            "banyan.embedded-kafka.port=0",
            "banyan.events.consumer.enabled=true",
            "banyan.ordering.cancel-wait=1500ms"
        })
class DeliveryEventsIntegrationTests extends MonolithIntegrationTest {

    static final String TOPIC = "banyan.delivery.events";
    static final Map<String, String> VERSION_2 = Map.of("API-Version", "2");

    static KafkaProducer<String, String> producer;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    MeterRegistry meters;

    String restaurant;
    String jjajangmyeon;
    String customer;

    @BeforeEach
    void menuAndProducer() {
        Fixtures fixtures = new Fixtures(http());
        restaurant = fixtures.restaurant("사가 중화요리");
        jjajangmyeon = fixtures.menuItem(restaurant, "짜장면", 11000);
        customer = fixtures.customer("정하늘");
        if (producer == null) {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            producer = new KafkaProducer<>(config);
        }
    }

    @AfterEach
    void backToLegacy() {
        switchDeliveryEventsTo("LEGACY");
    }

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    @Test
    void pickupAndCompletionFromTheDeliveryServiceMakeItsOrderDelivered() {
        String orderId = acceptedByTheService();
        Instant pickedUpAt = Instant.now().truncatedTo(ChronoUnit.MICROS);

        publish(
                orderId,
                "DeliveryAssigned",
                event(orderId, "assignedAt", Instant.now(), ",\"riderId\":\"" + UUID.randomUUID() + "\""));
        publish(orderId, "DeliveryPickedUp", event(orderId, "pickedUpAt", pickedUpAt, ""));
        publish(orderId, "DeliveryCompleted", event(orderId, "deliveredAt", pickedUpAt.plusSeconds(600), ""));

        JsonNode delivered = awaitStatus(orderId, "DELIVERED");
        assertThat(Instant.parse(delivered.get("pickedUpAt").asString())).isEqualTo(pickedUpAt);
        assertThat(Instant.parse(delivered.get("deliveredAt").asString())).isEqualTo(pickedUpAt.plusSeconds(600));
        assertThat(http().send("POST", "/api/orders/" + orderId + "/cancel", null, VERSION_2)
                        .status())
                .isEqualTo(409);
    }

    @Test
    void aRedeliveredEventIsRecordedOnceAndChangesNothing() {
        String orderId = acceptedByTheService();
        UUID eventId = UUID.randomUUID();
        publish(orderId, eventId, "DeliveryPickedUp", "1", event(orderId, "pickedUpAt", Instant.now(), ""));
        awaitPickedUp(orderId);
        long version = version(orderId);
        String before = http().get("/api/orders/" + orderId).body();

        publish(
                orderId,
                eventId,
                "DeliveryPickedUp",
                "1",
                event(orderId, "pickedUpAt", Instant.now().plusSeconds(60), ""));
        String next = acceptedByTheService();
        publish(next, "DeliveryPickedUp", event(next, "pickedUpAt", Instant.now(), ""));
        awaitPickedUp(next); // one partition: the duplicate was handled before this

        assertThat(http().get("/api/orders/" + orderId).body()).isEqualTo(before);
        assertThat(version(orderId)).isEqualTo(version);
        assertThat(jdbc.sql("select count(*) from ordering.inbox where message_id = ?")
                        .param(eventId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void deadLettersMalformedAndUnknownVersionEventsWithTheirReasonAndAppliesTheNextGoodOne() {
        String orderId = acceptedByTheService();
        double unknownTypesBefore = deadLettered("unknown-type");

        publish(orderId, UUID.randomUUID(), "DeliveryPickedUp", "1", "{\"orderId\":");
        publish(orderId, UUID.randomUUID(), "DeliveryPickedUp", "9", event(orderId, "pickedUpAt", Instant.now(), ""));
        publish(orderId, UUID.randomUUID(), "DeliveryPickedUp", "1", "{\"orderId\":\"" + orderId + "\"}");
        publish(orderId, UUID.randomUUID(), null, "1", event(orderId, "pickedUpAt", Instant.now(), ""));
        publish(orderId, "DeliveryPickedUp", event(orderId, "pickedUpAt", Instant.now(), ""));

        awaitPickedUp(orderId);
        List<String> reasons = deadLetterReasons(orderId, 4);
        assertThat(reasons.get(0)).startsWith("DeliveryPickedUp v1: payload is not JSON");
        assertThat(reasons.get(1)).isEqualTo("unknown event type or version: DeliveryPickedUp v9");
        assertThat(reasons.get(2))
                .startsWith("DeliveryPickedUp v1: ")
                .contains("deliveryId")
                .contains("pickedUpAt");
        assertThat(reasons.get(3)).isEqualTo("header eventType is missing");
        assertThat(deadLettered("unknown-type")).isEqualTo(unknownTypesBefore + 1);
        assertThat(http().get("/actuator/prometheus").body())
                .contains("banyan_events_dead_lettered_total{reason=\"not-json\",topic=\"banyan.delivery.events\"}");
    }

    @Test
    void aDatabaseFailureIsRetriedUntilTheDatabaseIsBackAndNeverDeadLettered() {
        String orderId = acceptedByTheService();
        double deadLetteredBefore = deadLettered(null);
        jdbc.sql("alter table ordering.inbox rename to inbox_unavailable").update();
        try {
            publish(orderId, "DeliveryPickedUp", event(orderId, "pickedUpAt", Instant.now(), ""));

            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> http().get("/api/orders/" + orderId)
                            .json()
                            .get("pickedUpAt")
                            .isNull());
        } finally {
            jdbc.sql("alter table ordering.inbox_unavailable rename to inbox").update();
        }

        awaitPickedUp(orderId);
        assertThat(deadLettered(null)).isEqualTo(deadLetteredBefore);
    }

    @Test
    void aCancelThatLostTheRaceToThePickupLeavesTheOrderAcceptedPickedUpAndCharged() {
        String orderId = acceptedByTheService();

        Response pending = http().send("POST", "/api/orders/" + orderId + "/cancel", null, VERSION_2);

        assertThat(pending.status()).as(pending.body()).isEqualTo(202);
        assertThat(pending.location()).isEqualTo("/api/orders/" + orderId);
        assertThat(pending.text("status")).isEqualTo("CANCELLATION_PENDING");
        assertThat(pending.json().get("cancelledAt").isNull()).isTrue();
        // The rider committed the pickup first at the service, so its events come in this order.
        publish(orderId, "DeliveryPickedUp", event(orderId, "pickedUpAt", Instant.now(), ""));
        publish(
                orderId,
                "DeliveryCancellationRefused",
                event(orderId, "refusedAt", Instant.now(), ",\"reason\":\"PICKED_UP\""));
        String other = acceptedByTheService();
        publish(other, "DeliveryPickedUp", event(other, "pickedUpAt", Instant.now(), ""));
        awaitPickedUp(other);

        JsonNode order = http().get("/api/orders/" + orderId).json();
        assertThat(order.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(order.get("pickedUpAt").isNull()).isFalse();
        assertThat(order.get("payment").get("status").asString()).isEqualTo("CAPTURED");
        assertThat(order.get("payment").get("refundedAmount").asLong()).isZero();
        assertThat(providerOperations(orderId)).containsExactlyInAnyOrder("AUTHORIZE", "CAPTURE");
        Response late = http().postEmpty("/api/orders/" + orderId + "/cancel");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(outboxTypes(orderId)).containsExactly("OrderAccepted", "OrderCancellationRequested");
    }

    @Test
    void aCancelConfirmedByTheDeliveryServiceCancelsTheOrderAndRefundsIt() {
        String orderId = acceptedByTheService();
        assertThat(http().send("POST", "/api/orders/" + orderId + "/cancel", null, VERSION_2)
                        .status())
                .isEqualTo(202);

        publish(orderId, "DeliveryCancelled", event(orderId, "cancelledAt", Instant.now(), ""));

        JsonNode cancelled = awaitStatus(orderId, "CANCELLED");
        assertThat(cancelled.get("payment").get("status").asString()).isEqualTo("REFUNDED");
        assertThat(cancelled.get("payment").get("refundedAmount").asLong()).isEqualTo(14000);
        await().untilAsserted(() ->
                assertThat(providerOperations(orderId)).containsExactlyInAnyOrder("AUTHORIZE", "CAPTURE", "REFUND"));
        assertThat(outboxTypes(orderId))
                .containsExactly("OrderAccepted", "OrderCancellationRequested", "OrderCancelled");
        String payload = jdbc.sql("select payload::text from ordering.outbox where aggregateid = ? "
                        + "and type = 'OrderCancelled'")
                .param(orderId)
                .query(String.class)
                .single();
        assertThat(EventSchemas.load().problems("OrderCancelled", 1, payload)).isEmpty();
        assertThat(payload).contains("\"previousStatus\": \"CANCELLATION_PENDING\"");
    }

    @Test
    void aVersionOneCancelWaitsForTheDeliveryServicesAnswerAndAnswersAsBefore() {
        String orderId = acceptedByTheService();

        CompletableFuture<Response> cancel =
                CompletableFuture.supplyAsync(() -> http().postEmpty("/api/orders/" + orderId + "/cancel"));
        awaitStatus(orderId, "CANCELLATION_PENDING");
        publish(orderId, "DeliveryCancelled", event(orderId, "cancelledAt", Instant.now(), ""));

        Response answer = cancel.join();
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.text("status")).isEqualTo("CANCELLED");
    }

    @Test
    void aVersionOneCancelAnswers202WithThePendingOrderWhenTheAnswerDoesNotComeInTime() {
        String orderId = acceptedByTheService();

        Response answer = http().postEmpty("/api/orders/" + orderId + "/cancel");

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(answer.text("status")).isEqualTo("CANCELLATION_PENDING");
        assertThat(answer.location()).isEqualTo("/api/orders/" + orderId);
    }

    @Test
    void ordersTheMonolithDeliversAnswerACancelAsBeforeInBothVersionsAndIgnoreDeliveryEvents() {
        String cancelled = placed();
        String delivered = placed();
        http().postEmpty("/api/orders/" + cancelled + "/accept");
        http().postEmpty("/api/orders/" + delivered + "/accept");

        Response cancel = http().send("POST", "/api/orders/" + cancelled + "/cancel", null, VERSION_2);
        UUID eventId = UUID.randomUUID();
        publish(delivered, eventId, "DeliveryCompleted", "1", event(delivered, "deliveredAt", Instant.now(), ""));

        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
        assertThat(cancel.text("status")).isEqualTo("CANCELLED");
        await().until(() -> jdbc.sql("select count(*) from ordering.inbox where message_id = ?")
                        .param(eventId)
                        .query(Long.class)
                        .single()
                == 1);
        assertThat(http().get("/api/orders/" + delivered).text("status")).isEqualTo("ACCEPTED");
    }

    private String placed() {
        Response placed = http().post("/api/orders", order(customer, restaurant, jjajangmyeon, 1));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.text("id");
    }

    private String acceptedByTheService() {
        switchDeliveryEventsTo("MIGRATED");
        String orderId = placed();
        assertThat(http().postEmpty("/api/orders/" + orderId + "/accept").status())
                .isEqualTo(200);
        return orderId;
    }

    private static String event(String orderId, String timeField, Instant at, String more) {
        return "{\"orderId\":\"" + orderId + "\",\"deliveryId\":\"" + UUID.nameUUIDFromBytes(orderId.getBytes())
                + "\",\"" + timeField + "\":\"" + at.truncatedTo(ChronoUnit.MICROS) + "\"" + more + "}";
    }

    private void publish(String orderId, String type, String payload) {
        publish(orderId, UUID.randomUUID(), type, "1", payload);
    }

    private void publish(String orderId, UUID id, String type, String version, String payload) {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, orderId, payload);
        record.headers().add(EventHeaders.ID, id.toString().getBytes(StandardCharsets.UTF_8));
        if (type != null) {
            record.headers().add(EventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        }
        record.headers().add(EventHeaders.VERSION, version.getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode awaitStatus(String orderId, String status) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> http().get("/api/orders/" + orderId).text("status").equals(status));
        return http().get("/api/orders/" + orderId).json();
    }

    private void awaitPickedUp(String orderId) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !http().get("/api/orders/" + orderId)
                        .json()
                        .get("pickedUpAt")
                        .isNull());
    }

    private long version(String orderId) {
        return jdbc.sql("select version from ordering.customer_order where id = ?")
                .param(UUID.fromString(orderId))
                .query(Long.class)
                .single();
    }

    private List<String> outboxTypes(String orderId) {
        return jdbc.sql("select type from ordering.outbox where aggregateid = ? order by occurred_at")
                .param(orderId)
                .query(String.class)
                .list();
    }

    private List<String> providerOperations(String orderId) {
        return jdbc.sql("select operation from payment.provider_operation where idempotency_key like ?")
                .param("order-" + orderId + "-%")
                .query(String.class)
                .list();
    }

    /** Dead letters counted so far with {@code reason}, or with any reason when null. */
    private double deadLettered(String reason) {
        return meters.find("banyan.events.dead.lettered").counters().stream()
                .filter(counter ->
                        reason == null || reason.equals(counter.getId().getTag("reason")))
                .mapToDouble(Counter::count)
                .sum();
    }

    /** The reasons of the dead letters of one order, in the order they were dead-lettered. */
    private List<String> deadLetterReasons(String orderId, int expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> reasons = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(EventHeaders.deadLetterTopic(TOPIC)));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Header reason = record.headers().lastHeader(EventHeaders.DEAD_LETTER_REASON);
                    if (orderId.equals(record.key()) && reason != null) {
                        reasons.add(new String(reason.value(), StandardCharsets.UTF_8));
                    }
                }
                return reasons.size() >= expected;
            });
        }
        return reasons;
    }
}
