package dev.banyan.delivery.messaging;

import dev.banyan.delivery.application.OrderEventHandler;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The consumer of {@code banyan.order.events}. Each record is read (or rejected to the dead-letter topic) and handled
 * in one database transaction; the offset is committed after that transaction, record by record, so a crash in
 * between redelivers the record and the inbox makes the redelivery harmless.
 */
class OrderEventsListener {

    static final String TOPIC = "banyan.order.events";
    static final String GROUP = "delivery-service";
    private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

    private final OrderEventReader reader;
    private final OrderEventHandler handler;

    OrderEventsListener(OrderEventReader reader, OrderEventHandler handler) {
        this.reader = reader;
        this.handler = handler;
    }

    @KafkaListener(
            id = "delivery-order-events",
            topics = TOPIC,
            groupId = GROUP,
            autoStartup = "${banyan.delivery.consumer.enabled:true}")
    void on(ConsumerRecord<String, String> record) {
        ReceivedOrderEvent received = reader.read(record);
        OrderEventHandler.Outcome outcome =
                handler.handle(received.id(), received.type(), received.handler(), received.event());
        log.debug(
                "{} {} of order {} (handler {}): {}",
                received.type(),
                received.id(),
                received.event().orderId(),
                received.handler().header(),
                outcome);
    }
}
