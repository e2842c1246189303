package dev.banyan.monolith.payment;

import java.util.UUID;

import dev.banyan.monolith.MonolithIntegrationTest;
import dev.banyan.monolith.payment.domain.PaymentProvider;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The provider stands for a remote gateway: it is never called while the caller holds a database transaction. */
class PaymentProviderIntegrationTests extends MonolithIntegrationTest {

    @Autowired
    PaymentProvider provider;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void refusesToBeCalledInsideADatabaseTransaction() {
        String key = "order-" + UUID.randomUUID() + "-authorize";

        assertThatIllegalStateException()
                .isThrownBy(() -> transactions.executeWithoutResult(status -> provider.authorize(key, 10000)))
                .withMessageContaining("must not be called inside a database transaction");
        assertThat(jdbc.sql("select count(*) from payment.provider_operation where idempotency_key = ?")
                        .param(key)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(provider.authorize(key, 10000).approved()).isTrue();
    }
}
