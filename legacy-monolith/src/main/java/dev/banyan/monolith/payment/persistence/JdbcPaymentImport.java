package dev.banyan.monolith.payment.persistence;

import java.util.ArrayList;
import java.util.List;

import dev.banyan.monolith.payment.PaymentImport;
import dev.banyan.monolith.shared.Timestamps;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class JdbcPaymentImport implements PaymentImport {

    private final JdbcTemplate jdbc;

    JdbcPaymentImport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void importCapturedPayments(List<ImportedPayment> payments) {
        List<Object[]> paymentRows = new ArrayList<>();
        List<Object[]> operationRows = new ArrayList<>();
        for (ImportedPayment p : payments) {
            String reference = "auth_" + p.id().toString().replace("-", "").substring(0, 16);
            paymentRows.add(new Object[] {
                p.id(),
                p.orderId(),
                p.customerId(),
                p.amount(),
                reference,
                p.amount(),
                Timestamps.of(p.authorizedAt()),
                Timestamps.of(p.capturedAt())
            });
            operationRows.add(new Object[] {
                "order-" + p.orderId() + "-authorize",
                "AUTHORIZE",
                p.amount(),
                reference,
                Timestamps.of(p.authorizedAt())
            });
            operationRows.add(new Object[] {
                "order-" + p.orderId() + "-capture", "CAPTURE", p.amount(), reference, Timestamps.of(p.capturedAt())
            });
        }
        jdbc.batchUpdate(
                "insert into payment.payment (id, order_id, customer_id, amount, authorization_ref, status, "
                        + "captured_amount, refunded_amount, created_at, updated_at, version) "
                        + "values (?, ?, ?, ?, ?, 'CAPTURED', ?, 0, ?, ?, 1) on conflict do nothing",
                paymentRows,
                1000,
                JdbcPaymentImport::setAll);
        jdbc.batchUpdate(
                "insert into payment.provider_operation (idempotency_key, operation, amount, reference, "
                        + "approved, decline_reason, created_at) values (?, ?, ?, ?, true, null, ?) on conflict do nothing",
                operationRows,
                1000,
                JdbcPaymentImport::setAll);
    }

    private static void setAll(java.sql.PreparedStatement ps, Object[] row) throws java.sql.SQLException {
        for (int i = 0; i < row.length; i++) {
            ps.setObject(i + 1, row[i]);
        }
    }
}
