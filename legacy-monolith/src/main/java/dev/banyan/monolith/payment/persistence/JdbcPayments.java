package dev.banyan.monolith.payment.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.banyan.monolith.payment.PaymentId;
import dev.banyan.monolith.payment.PaymentStatus;
import dev.banyan.monolith.payment.domain.Payment;
import dev.banyan.monolith.payment.domain.Payments;
import dev.banyan.monolith.shared.Timestamps;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPayments implements Payments {

    private final JdbcClient jdbc;

    JdbcPayments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Payment> findByOrder(UUID orderId) {
        return jdbc.sql("select id, order_id, customer_id, amount, authorization_ref, status, captured_amount, "
                        + "refunded_amount, settlement_pending, created_at, updated_at, version from payment.payment "
                        + "where order_id = :order")
                .param("order", orderId)
                .query((rows, n) -> new Payment(
                        new PaymentId(rows.getObject("id", UUID.class)),
                        rows.getObject("order_id", UUID.class),
                        rows.getObject("customer_id", UUID.class),
                        rows.getLong("amount"),
                        rows.getString("authorization_ref"),
                        PaymentStatus.valueOf(rows.getString("status")),
                        rows.getLong("captured_amount"),
                        rows.getLong("refunded_amount"),
                        rows.getBoolean("settlement_pending"),
                        Timestamps.read(rows, "created_at"),
                        Timestamps.read(rows, "updated_at"),
                        rows.getLong("version")))
                .optional();
    }

    @Override
    public void add(Payment payment) {
        jdbc.sql("insert into payment.payment (id, order_id, customer_id, amount, authorization_ref, status, "
                        + "captured_amount, refunded_amount, settlement_pending, created_at, updated_at, version) values (:id, "
                        + ":order, :customer, :amount, :ref, :status, :captured, :refunded, :pending, :created, "
                        + ":updated, :version)")
                .param("id", payment.getId().value())
                .param("order", payment.orderId())
                .param("customer", payment.customerId())
                .param("amount", payment.amount())
                .param("ref", payment.authorizationRef())
                .param("status", payment.status().name())
                .param("captured", payment.capturedAmount())
                .param("refunded", payment.refundedAmount())
                .param("pending", payment.settlementPending())
                .param("created", Timestamps.of(payment.createdAt()))
                .param("updated", Timestamps.of(payment.updatedAt()))
                .param("version", payment.version())
                .update();
    }

    @Override
    public void update(Payment payment) {
        int changed = jdbc.sql("update payment.payment set status = :status, captured_amount = :captured, "
                        + "refunded_amount = :refunded, settlement_pending = :pending, updated_at = :updated, "
                        + "version = version + 1 where id = :id and version = :version")
                .param("status", payment.status().name())
                .param("captured", payment.capturedAmount())
                .param("refunded", payment.refundedAmount())
                .param("pending", payment.settlementPending())
                .param("updated", Timestamps.of(payment.updatedAt()))
                .param("id", payment.getId().value())
                .param("version", payment.version())
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("Payment " + payment.getId() + " was changed concurrently");
        }
    }

    @Override
    public boolean markSettled(UUID orderId, PaymentStatus settled) {
        return jdbc.sql("update payment.payment set settlement_pending = false "
                                + "where order_id = :order and status = :status and settlement_pending")
                        .param("order", orderId)
                        .param("status", settled.name())
                        .update()
                == 1;
    }

    @Override
    public List<UUID> pendingSettlements(Instant changedBefore, int limit) {
        return jdbc.sql("select order_id from payment.payment where settlement_pending and updated_at < :before "
                        + "order by updated_at limit :limit")
                .param("before", Timestamps.of(changedBefore))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }
}
