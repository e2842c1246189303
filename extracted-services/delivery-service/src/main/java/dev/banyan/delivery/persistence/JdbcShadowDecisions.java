package dev.banyan.delivery.persistence;

import dev.banyan.delivery.application.ShadowDecision;
import dev.banyan.delivery.application.ShadowDecisions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcShadowDecisions implements ShadowDecisions {

    private final JdbcClient jdbc;

    JdbcShadowDecisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(ShadowDecision decision) {
        jdbc.sql("insert into shadow_decision (message_id, order_id, decision, rider_id, reason, decided_at) "
                        + "values (:id, :order, :decision, :rider, :reason, :at) on conflict (message_id) do nothing")
                .param("id", decision.messageId())
                .param("order", decision.orderId().value())
                .param("decision", decision.decision().name())
                .param(
                        "rider",
                        decision.riderId() == null ? null : decision.riderId().value())
                .param("reason", decision.reason())
                .param("at", Timestamps.of(decision.decidedAt()))
                .update();
    }
}
