package dev.banyan.delivery.contract;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import dev.banyan.events.EventHeaders;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The delivery-service's way: an {@code OrderAccepted} v1 (handler {@code delivery-service}) is published to
 * {@code banyan.order.events}, as the cdc-bridge would publish the monolith's outbox row, and the fixture waits until
 * the service has assigned the delivery.
 */
final class ServiceDeliveryFixture implements DeliveryFixture, AutoCloseable {

    private final String baseUrl;
    private final Order order;
    private final KafkaProducer<String, String> producer;

    ServiceDeliveryFixture(String baseUrl, String bootstrapServers, Order order) {
        this.baseUrl = baseUrl;
        this.order = order;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName()));
    }

    @Override
    public UUID acceptedOrder() {
        UUID orderId = UUID.randomUUID();
        String payload = Http.JSON
                .createObjectNode()
                .put("orderId", orderId.toString())
                .put("restaurantId", order.restaurantId().toString())
                .put("pickupAddress", order.pickupAddress())
                .put("dropOffAddress", order.dropOffAddress())
                .put("acceptedAt", Instant.now().truncatedTo(ChronoUnit.MICROS).toString())
                .toString();
        ProducerRecord<String, String> record =
                new ProducerRecord<>("banyan.order.events", orderId.toString(), payload);
        header(record, EventHeaders.ID, UUID.randomUUID().toString());
        header(record, EventHeaders.TYPE, "OrderAccepted");
        header(record, EventHeaders.VERSION, "1");
        header(record, EventHeaders.HANDLER, "delivery-service");
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish OrderAccepted for " + orderId, e);
        }
        DeliveryFixture.awaitDelivery(baseUrl, orderId);
        return orderId;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
