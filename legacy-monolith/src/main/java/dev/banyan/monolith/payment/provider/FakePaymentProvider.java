package dev.banyan.monolith.payment.provider;

import java.time.Clock;
import java.util.List;

import dev.banyan.monolith.payment.domain.PaymentProvider;
import dev.banyan.monolith.shared.Ids;
import dev.banyan.monolith.shared.Timestamps;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An in-process stand-in for a payment gateway. It remembers every operation by idempotency key in
 * {@code payment.provider_operation}, in its own transaction (like a remote system, it remembers a call even when the
 * caller's transaction rolls back), and answers a repeated key with the recorded result instead of charging again.
 * Like a remote gateway it must be called outside the caller's database transaction: a caller that held a pooled
 * connection while this one takes another could exhaust the pool, so such a call is refused.
 * Authorizations above {@code banyan.payment.fake.decline-above} won are declined, like a card over its limit.
 */
@Component
class FakePaymentProvider implements PaymentProvider {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final long declineAbove;

    FakePaymentProvider(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${banyan.payment.fake.decline-above:1000000}") long declineAbove) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.declineAbove = declineAbove;
    }

    @Override
    public ProviderResult authorize(String idempotencyKey, long amount) {
        return once(
                idempotencyKey,
                "AUTHORIZE",
                null,
                amount,
                () -> amount > declineAbove
                        ? new ProviderResult(
                                false,
                                null,
                                "amount " + amount + " KRW exceeds the card limit of " + declineAbove + " KRW")
                        : new ProviderResult(
                                true,
                                "auth_"
                                        + Ids.random()
                                                .toString()
                                                .replace("-", "")
                                                .substring(0, 16),
                                null));
    }

    @Override
    public ProviderResult capture(String idempotencyKey, String authorizationRef, long amount) {
        return once(
                idempotencyKey,
                "CAPTURE",
                authorizationRef,
                amount,
                () -> new ProviderResult(true, authorizationRef, null));
    }

    @Override
    public ProviderResult voidAuthorization(String idempotencyKey, String authorizationRef) {
        return once(
                idempotencyKey, "VOID", authorizationRef, 0, () -> new ProviderResult(true, authorizationRef, null));
    }

    @Override
    public ProviderResult refund(String idempotencyKey, String authorizationRef, long amount) {
        return once(
                idempotencyKey,
                "REFUND",
                authorizationRef,
                amount,
                () -> new ProviderResult(true, authorizationRef, null));
    }

    private ProviderResult once(
            String key,
            String operation,
            String reference,
            long amount,
            java.util.function.Supplier<ProviderResult> perform) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("The payment provider is a remote system; " + operation + " " + key
                    + " must not be called inside a database transaction");
        }
        return ownTransaction.execute(status -> {
            ProviderResult earlier = recorded(key, operation, amount);
            if (earlier != null) {
                return earlier;
            }
            ProviderResult result = perform.get();
            int inserted = jdbc.update(
                    "insert into payment.provider_operation (idempotency_key, operation, amount, "
                            + "reference, approved, decline_reason, created_at) values (?, ?, ?, ?, ?, ?, ?) "
                            + "on conflict (idempotency_key) do nothing",
                    key,
                    operation,
                    amount,
                    result.reference() == null ? reference : result.reference(),
                    result.approved(),
                    result.declineReason(),
                    Timestamps.of(clock.instant()));
            return inserted == 1 ? result : recorded(key, operation, amount);
        });
    }

    private @Nullable ProviderResult recorded(String key, String operation, long amount) {
        List<ProviderResult> rows = jdbc.query(
                "select operation, amount, reference, approved, decline_reason "
                        + "from payment.provider_operation where idempotency_key = ?",
                (row, n) -> {
                    if (!row.getString("operation").equals(operation) || row.getLong("amount") != amount) {
                        throw new IllegalStateException(
                                "Idempotency key " + key + " was used for " + row.getString("operation") + " of "
                                        + row.getLong("amount") + " KRW, not " + operation + " of " + amount + " KRW");
                    }
                    return new ProviderResult(
                            row.getBoolean("approved"), row.getString("reference"), row.getString("decline_reason"));
                },
                key);
        return rows.isEmpty() ? null : rows.get(0);
    }
}
