package dev.banyan.monolith.ordering;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.banyan.monolith.Fixtures;
import dev.banyan.monolith.MonolithIntegrationTest;
import dev.banyan.monolith.ordering.domain.DeliverySaga;
import dev.banyan.monolith.ordering.domain.DeliverySaga.Outcome;
import dev.banyan.monolith.ordering.domain.DeliverySaga.PickedUp;
import dev.banyan.monolith.shared.NotFoundException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static dev.banyan.monolith.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The inbox of the delivery Saga: an event id is applied once, and an event that fails leaves no trace. */
class DeliverySagaIntegrationTests extends MonolithIntegrationTest {

    @Autowired
    DeliverySaga saga;

    String orderId;

    @BeforeEach
    void orderOfTheDeliveryService() {
        Fixtures fixtures = new Fixtures(http());
        String restaurant = fixtures.restaurant("인박스 분식");
        String gimbap = fixtures.menuItem(restaurant, "참치김밥", 10000);
        String customer = fixtures.customer("윤서준");
        switchDeliveryEventsTo("MIGRATED");
        orderId = http().post("/api/orders", order(customer, restaurant, gimbap, 1))
                .text("id");
        http().postEmpty("/api/orders/" + orderId + "/accept");
    }

    @AfterEach
    void backToLegacy() {
        switchDeliveryEventsTo("LEGACY");
    }

    @Test
    void appliesAnEventIdOnceAndAnswersItsRedeliveryAsADuplicate() {
        UUID eventId = UUID.randomUUID();
        PickedUp pickedUp = new PickedUp(
                new OrderId(UUID.fromString(orderId)), Instant.now().truncatedTo(ChronoUnit.MICROS));

        assertThat(saga.apply(eventId, "DeliveryPickedUp", pickedUp)).isEqualTo(Outcome.APPLIED);
        assertThat(saga.apply(eventId, "DeliveryPickedUp", pickedUp)).isEqualTo(Outcome.DUPLICATE);
        assertThat(inboxRows(eventId)).isEqualTo(1);
    }

    @Test
    void anEventThatCannotBeAppliedLeavesNoInboxRowSoItIsNotMistakenForADuplicateLater() {
        UUID eventId = UUID.randomUUID();
        PickedUp unknownOrder = new PickedUp(new OrderId(UUID.randomUUID()), Instant.now());

        assertThatThrownBy(() -> saga.apply(eventId, "DeliveryPickedUp", unknownOrder))
                .isInstanceOf(NotFoundException.class);
        assertThat(inboxRows(eventId)).isZero();
    }

    private long inboxRows(UUID eventId) {
        return jdbc.sql("select count(*) from ordering.inbox where message_id = ?")
                .param(eventId)
                .query(Long.class)
                .single();
    }
}
