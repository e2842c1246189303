package dev.banyan.monolith.ordering.saga;

import dev.banyan.monolith.ordering.domain.DeliverySaga;
import dev.banyan.monolith.ordering.domain.DeliverySaga.Outcome;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Consumes {@code banyan.delivery.events} as group {@code legacy-monolith}. Each record is validated, then applied
 * in one database transaction with its inbox row; the offset is committed after that transaction (at-least-once,
 * the inbox makes a redelivery harmless).
 */
class DeliveryEventsListener {

    static final String TOPIC = "banyan.delivery.events";
    static final String GROUP = "legacy-monolith";

    private static final Logger log = LoggerFactory.getLogger(DeliveryEventsListener.class);

    private final DeliveryEventReader reader;
    private final DeliverySaga saga;

    DeliveryEventsListener(DeliveryEventReader reader, DeliverySaga saga) {
        this.reader = reader;
        this.saga = saga;
    }

    @KafkaListener(
            id = "legacy-monolith-delivery-events",
            topics = TOPIC,
            groupId = GROUP,
            containerFactory = DeliveryEventsConsumerConfiguration.CONTAINER_FACTORY)
    void on(ConsumerRecord<String, String> record) {
        DeliveryEventReader.Read event = reader.read(record);
        Outcome outcome = saga.apply(event.id(), event.type(), event.event());
        log.debug(
                "{} {} for order {}: {}",
                event.type(),
                event.id(),
                event.event().orderId(),
                outcome);
    }
}
