package dev.banyan.monolith.payment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Bulk loading of settled payments of historical orders (demo data). */
public interface PaymentImport {

    void importCapturedPayments(List<ImportedPayment> payments);

    record ImportedPayment(
            UUID id, UUID orderId, UUID customerId, long amount, Instant authorizedAt, Instant capturedAt) {}
}
