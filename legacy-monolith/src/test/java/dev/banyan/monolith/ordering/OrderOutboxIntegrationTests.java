package dev.banyan.monolith.ordering;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.banyan.events.EventSchemas;
import dev.banyan.monolith.Fixtures;
import dev.banyan.monolith.HttpTestClient.Response;
import dev.banyan.monolith.MonolithIntegrationTest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.banyan.monolith.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Order events leave the monolith through {@code ordering.outbox}, written in the transaction of the order change:
 * one row per event, header columns set, every payload valid against its contract, for orders of both handlers.
 */
class OrderOutboxIntegrationTests extends MonolithIntegrationTest {

    static final EventSchemas SCHEMAS = EventSchemas.load();
    static final JsonMapper JSON = JsonMapper.builder().build();

    Fixtures fixtures;
    String restaurant;
    String naengmyeon;
    String customer;

    record OutboxRow(
            UUID id,
            String aggregateType,
            String aggregateId,
            String type,
            int version,
            String handler,
            String payload) {

        JsonNode json() {
            return JSON.readTree(payload);
        }
    }

    @BeforeEach
    void menu() {
        fixtures = new Fixtures(http());
        restaurant = fixtures.restaurant("을지로 평양냉면");
        naengmyeon = fixtures.menuItem(restaurant, "물냉면", 14000);
        customer = fixtures.customer("박지훈");
    }

    @AfterEach
    void backToLegacy() {
        switchDeliveryEventsTo("LEGACY");
        jdbc.sql("drop trigger if exists fail_commit on ordering.customer_order")
                .update();
    }

    @Test
    void writesAValidOrderAcceptedStampedMonolithWhenTheEventRouteIsLegacy() {
        String orderId = place();

        assertThat(http().postEmpty("/api/orders/" + orderId + "/accept").status())
                .isEqualTo(200);

        List<OutboxRow> rows = outbox(orderId);
        assertThat(rows).extracting(OutboxRow::type).containsExactly("OrderAccepted");
        OutboxRow accepted = rows.get(0);
        assertThat(accepted.aggregateType()).isEqualTo("order");
        assertThat(accepted.version()).isEqualTo(1);
        assertThat(accepted.handler()).isEqualTo("monolith");
        assertValid(accepted);
        assertThat(accepted.json().get("orderId").asString()).isEqualTo(orderId);
        assertThat(accepted.json().get("restaurantId").asString()).isEqualTo(restaurant);
        assertThat(accepted.json().get("pickupAddress").asString()).isEqualTo("서울특별시 종로구 종로 1");
        assertThat(accepted.json().get("dropOffAddress").asString()).isEqualTo("서울특별시 마포구 월드컵로 10, 101동 1001호");
        assertThat(handlerOf(orderId)).isEqualTo("monolith");
    }

    @Test
    void writesAValidOrderCancelledWithThePreviousStatusForCancelsTheMonolithAnswers() {
        String placedThenCancelled = place();
        String acceptedThenCancelled = place();
        http().postEmpty("/api/orders/" + acceptedThenCancelled + "/accept");

        assertThat(http().postEmpty("/api/orders/" + placedThenCancelled + "/cancel")
                        .status())
                .isEqualTo(200);
        assertThat(http().postEmpty("/api/orders/" + acceptedThenCancelled + "/cancel")
                        .status())
                .isEqualTo(200);

        OutboxRow fromPlaced = outbox(placedThenCancelled).get(0);
        assertThat(fromPlaced.type()).isEqualTo("OrderCancelled");
        assertThat(fromPlaced.handler())
                .as("never accepted: no delivery, the monolith answers")
                .isEqualTo("monolith");
        assertThat(fromPlaced.json().get("previousStatus").asString()).isEqualTo("PLACED");
        assertValid(fromPlaced);
        assertThat(handlerOf(placedThenCancelled))
                .as("stamped only on acceptance")
                .isNull();

        assertThat(outbox(acceptedThenCancelled))
                .extracting(OutboxRow::type)
                .containsExactly("OrderAccepted", "OrderCancelled");
        OutboxRow fromAccepted = outbox(acceptedThenCancelled).get(1);
        assertThat(fromAccepted.json().get("previousStatus").asString()).isEqualTo("ACCEPTED");
        assertValid(fromAccepted);
    }

    @Test
    void stampsOrdersAcceptedWhileMigratedForTheDeliveryServiceAndOnlyRequestsTheirCancellation() {
        switchDeliveryEventsTo("MIGRATED");
        String orderId = place();

        assertThat(http().postEmpty("/api/orders/" + orderId + "/accept").status())
                .isEqualTo(200);
        Response cancel = http().send("POST", "/api/orders/" + orderId + "/cancel", null, Map.of("API-Version", "2"));

        assertThat(cancel.status()).as(cancel.body()).isEqualTo(202);
        assertThat(cancel.text("status")).isEqualTo("CANCELLATION_PENDING");
        assertThat(cancel.json().get("payment").get("status").asString())
                .as("the money goes back only when the delivery side confirms")
                .isEqualTo("CAPTURED");
        assertThat(handlerOf(orderId)).isEqualTo("delivery-service");
        List<OutboxRow> rows = outbox(orderId);
        assertThat(rows).extracting(OutboxRow::type).containsExactly("OrderAccepted", "OrderCancellationRequested");
        assertThat(rows).extracting(OutboxRow::handler).containsOnly("delivery-service");
        rows.forEach(OrderOutboxIntegrationTests::assertValid);
        assertThat(jdbc.sql("select count(*) from delivery.delivery where order_id = ?")
                        .param(UUID.fromString(orderId))
                        .query(Long.class)
                        .single())
                .as("the monolith's delivery context never hears of the order")
                .isZero();
    }

    @Test
    void aRolledBackAcceptanceLeavesNoOutboxRow() {
        String orderId = place();
        // Fails the acceptance at commit, after the order, the payment and the outbox row were written.
        jdbc.sql("""
                        create or replace function ordering.fail_commit() returns trigger language plpgsql as $$
                        begin
                            if new.status = 'ACCEPTED' then
                                raise exception 'commit refused for the test';
                            end if;
                            return new;
                        end $$""").update();
        jdbc.sql("create constraint trigger fail_commit after update on ordering.customer_order "
                        + "deferrable initially deferred for each row when (new.id = '" + orderId + "') "
                        + "execute function ordering.fail_commit()")
                .update();

        Response accept = http().postEmpty("/api/orders/" + orderId + "/accept");

        assertThat(accept.status()).as(accept.body()).isEqualTo(500);
        assertThat(outbox(orderId)).isEmpty();
        assertThat(http().get("/api/orders/" + orderId).text("status")).isEqualTo("PLACED");
        assertThat(handlerOf(orderId)).isNull();
    }

    private String place() {
        Response placed = http().post("/api/orders", order(customer, restaurant, naengmyeon, 1));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.text("id");
    }

    /** The order's stamp; null while it has none. */
    private String handlerOf(String orderId) {
        return jdbc.sql("select delivery_handler from ordering.customer_order where id = ?")
                .param(UUID.fromString(orderId))
                .query((rows, n) -> rows.getString("delivery_handler"))
                .list()
                .get(0);
    }

    private List<OutboxRow> outbox(String orderId) {
        return jdbc.sql("select id, aggregatetype, aggregateid, type, version, handler, payload::text as payload "
                        + "from ordering.outbox where aggregateid = ? order by occurred_at, type")
                .param(orderId)
                .query((rows, n) -> new OutboxRow(
                        rows.getObject("id", UUID.class),
                        rows.getString("aggregatetype"),
                        rows.getString("aggregateid"),
                        rows.getString("type"),
                        rows.getInt("version"),
                        rows.getString("handler"),
                        rows.getString("payload")))
                .list();
    }

    static void assertValid(OutboxRow row) {
        assertThat(SCHEMAS.problems(row.type(), row.version(), row.payload()))
                .as(row.type() + " " + row.payload())
                .isEmpty();
    }
}
