package dev.banyan.delivery.persistence;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.banyan.delivery.application.DeliveryEvent;
import dev.banyan.delivery.application.Outbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox in Debezium's outbox event router layout: aggregate type {@code delivery} (topic
 * {@code banyan.delivery.events}), the order id as aggregate id (record key), no handler.
 */
@Repository
class JdbcOutbox implements Outbox {

    static final String AGGREGATE_TYPE = "delivery";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcOutbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(DeliveryEvent event) {
        jdbc.sql("insert into outbox (id, aggregatetype, aggregateid, type, version, handler, payload, occurred_at) "
                        + "values (:id, :aggregateType, :aggregateId, :type, :version, null, cast(:payload as jsonb), "
                        + ":occurredAt)")
                .param("id", UUID.randomUUID())
                .param("aggregateType", AGGREGATE_TYPE)
                .param("aggregateId", event.orderId().toString())
                .param("type", event.type())
                .param("version", DeliveryEvent.VERSION)
                .param("payload", JSON.writeValueAsString(event.payload()))
                .param("occurredAt", Timestamps.of(clock.instant().truncatedTo(ChronoUnit.MICROS)))
                .update();
    }
}
