package dev.banyan.rehearsal;

import java.net.URI;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.banyan.rehearsal.OrderFacts.Delivery;
import dev.banyan.rehearsal.OrderFacts.Problem;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryPartsTests {

    private static final Delivery ASSIGNED = new Delivery("d1", "ASSIGNED", "r1");
    private static final Delivery DELIVERED = new Delivery("d1", "DELIVERED", "r1");
    private static final Delivery CANCELLED = new Delivery("d1", "CANCELLED", "r1");

    @Test
    void aDeliveredOrderWithOneDeliveryOnItsOwnSideIsFine() {
        assertThat(new OrderFacts("o", "DELIVERED", "delivery-service", null, DELIVERED, "CAPTURED").problems())
                .isEmpty();
        // the service's row of a monolith-handled order is the backfilled copy: same id
        assertThat(new OrderFacts("o", "DELIVERED", "monolith", DELIVERED, DELIVERED, "CAPTURED").problems())
                .isEmpty();
        // a cancel confirmed before any rider was assigned leaves only the service's CANCELLED marker
        assertThat(new OrderFacts(
                                "o",
                                "CANCELLED",
                                "delivery-service",
                                null,
                                new Delivery("m", "CANCELLED", null),
                                "VOIDED")
                        .problems())
                .isEmpty();
    }

    @Test
    void anOrderThatIsNotFinalIsStuck() {
        assertThat(new OrderFacts("o", "CANCELLATION_PENDING", "delivery-service", null, ASSIGNED, "AUTHORIZED")
                        .problems())
                .containsExactly(Problem.STUCK);
        assertThat(new OrderFacts("o", "ACCEPTED", "monolith", ASSIGNED, null, "AUTHORIZED").problems())
                .containsExactly(Problem.STUCK);
    }

    @Test
    void anAcceptedOrderWithoutALiveDeliveryOnItsSideIsLost() {
        // the service's copy does not count for a monolith-handled order, nor the monolith's for a service one
        assertThat(new OrderFacts("o", "DELIVERED", "delivery-service", null, null, "CAPTURED").problems())
                .containsExactly(Problem.LOST_ASSIGNMENT);
        assertThat(new OrderFacts("o", "DELIVERED", "delivery-service", null, CANCELLED, "CAPTURED").problems())
                .containsExactly(Problem.LOST_ASSIGNMENT);
    }

    @Test
    void anOrderAssignedByBothSidesIsADuplicate() {
        assertThat(new OrderFacts("o", "DELIVERED", "delivery-service", ASSIGNED, DELIVERED, "CAPTURED").problems())
                .containsExactly(Problem.DUPLICATE_ASSIGNMENT);
        assertThat(new OrderFacts(
                                "o",
                                "DELIVERED",
                                "monolith",
                                DELIVERED,
                                new Delivery("d2", "ASSIGNED", "r2"),
                                "CAPTURED")
                        .problems())
                .containsExactly(Problem.DUPLICATE_ASSIGNMENT);
    }

    @Test
    void aMonolithHandledDeliveryWhoseCopyTheServiceChangedWasServedByTheWrongSide() {
        // what HTTP MIGRATED without the service's 421 for deliveries it does not own leads to
        assertThat(new OrderFacts("o", "ACCEPTED", "monolith", ASSIGNED, DELIVERED, "AUTHORIZED").problems())
                .containsExactly(Problem.STUCK, Problem.CHANGED_BY_THE_WRONG_SIDE);
    }

    @Test
    void aCancelledOrderWhoseFoodWasPickedUpOrADeliveredOneThatWasRefundedIsCaughtBothWays() {
        assertThat(new OrderFacts("o", "CANCELLED", "delivery-service", null, DELIVERED, "REFUNDED").problems())
                .containsExactly(Problem.CANCELLED_YET_DELIVERED);
        assertThat(new OrderFacts("o", "DELIVERED", "monolith", DELIVERED, DELIVERED, "VOIDED").problems())
                .containsExactly(Problem.CANCELLED_YET_DELIVERED);
    }

    @Test
    void plansCoverCancelsBeforeAndAfterAcceptanceAndRacesWithThePickup() {
        Map<OrderLifecycles.Plan, Integer> plans = new EnumMap<>(OrderLifecycles.Plan.class);
        for (int percentile = 0; percentile < 100; percentile++) {
            plans.merge(OrderLifecycles.Plan.of(percentile), 1, Integer::sum);
        }
        assertThat(plans)
                .containsEntry(OrderLifecycles.Plan.CANCEL_PLACED, 8)
                .containsEntry(OrderLifecycles.Plan.CANCEL_ACCEPTED, 12)
                .containsEntry(OrderLifecycles.Plan.RACE_PICKUP, 6)
                .containsEntry(OrderLifecycles.Plan.DELIVER, 74);
    }

    @Test
    void percentilesAreNearestRank() {
        List<Long> values = new java.util.ArrayList<>();
        for (long i = 100; i >= 1; i--) {
            values.add(i);
        }
        assertThat(Percentiles.of(values, 50)).isEqualTo(50);
        assertThat(Percentiles.of(values, 99)).isEqualTo(99);
        assertThat(Percentiles.of(List.of(), 99)).isZero();
    }

    @Test
    void everyNonZeroLossOrMismatchFailsTheExtraction() {
        assertThat(figures(0, 0, 0, 0, 0, 0, 0, 0, 0).problems()).isEmpty();
        assertThat(figures(1, 2, 3, 4, 9, 5, 6, 7, 8).problems())
                .containsExactly(
                        "1 orders stuck in a non-final state after traffic drained",
                        "2 orders assigned twice",
                        "3 accepted orders without a delivery on the side that handles them",
                        "4 events lost between the two sides",
                        "9 monolith-handled deliveries changed by the delivery-service",
                        "5 records on the dead-letter topics",
                        "6 orders both cancelled and delivered",
                        "7 shadow decisions of the delivery-service that differ from the monolith's",
                        "8 orders stamped for the wrong side after a confirmed switch");
    }

    @Test
    void anExtractionThatNeverExercisedTheServiceOrTheRollbackProvesNothing() {
        DeliveryFigures idle = new DeliveryFigures(5, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "", List.of());
        assertThat(idle.problems())
                .containsExactly(
                        "The event SHADOW step compared no decisions",
                        "No order was handled by the delivery-service, so the cutover proved nothing",
                        "No order was accepted during the rollback drill, so it proved nothing");
    }

    @Test
    void theRoutesFileAddsTheDeliveryRouteWithFallbackAndTheEventRoute() {
        String routes = RoutesFile.withDelivery(
                URI.create("http://localhost:1"), URI.create("http://localhost:2"), URI.create("http://localhost:3"));
        assertThat(routes)
                .contains(
                        "services:\n  delivery:\n    uri: http://localhost:3\n",
                        "  catalog:\n    uri: http://localhost:2\n",
                        """
                          - id: deliveries
                            service: delivery
                            paths: [/api/deliveries/**]
                            methods: [GET, POST]
                            stage: LEGACY
                            fallback-to-legacy: true
                        event-routes:
                          - id: delivery-events
                            switch: http://localhost:1/internal/event-routes/delivery
                            stage: LEGACY
                        """)
                .contains("  - id: catalog-reads\n", "  - id: catalog-writes\n");
    }

    @Test
    void deliveryPipelinesBackfillTheTablesAndPublishBothOutboxes() {
        String yaml = CdcPipelines.delivery(
                "jdbc:postgresql://localhost:1/monolith", "jdbc:postgresql://localhost:2/delivery", "127.0.0.1:9");
        assertThat(yaml)
                .startsWith("pipelines:\n  - name: delivery-backfill\n")
                .contains(
                        "      - { from: delivery.rider, to: public.rider, key: [id] }\n"
                                + "      - { from: delivery.delivery, to: public.delivery, key: [id] }\n",
                        """
                          - name: order-events
                            kind: outbox
                            source: { url: "jdbc:postgresql://localhost:1/monolith", user: postgres, password: "" }
                            outbox: ordering.outbox
                            kafka: { bootstrap-servers: "127.0.0.1:9" }
                            topic: banyan.${routedByValue}.events
                        """,
                        """
                          - name: delivery-events
                            kind: outbox
                            source: { url: "jdbc:postgresql://localhost:2/delivery", user: postgres, password: "" }
                            outbox: public.outbox
                        """);
    }

    @Test
    void afterTheCatalogItsPipelinesKeepRunningNextToDeliverys() {
        String catalog = CdcPipelines.bothDirections(
                "jdbc:postgresql://localhost:1/monolith", "jdbc:postgresql://localhost:2/catalog");
        String delivery = CdcPipelines.delivery(
                "jdbc:postgresql://localhost:1/monolith", "jdbc:postgresql://localhost:3/delivery", "127.0.0.1:9");
        String both = CdcPipelines.alongside(catalog, delivery);
        assertThat(both).startsWith(catalog).endsWith(delivery.substring("pipelines:\n".length()));
        assertThat(both.split("\n"))
                .filteredOn(line -> line.equals("pipelines:"))
                .hasSize(1);
        assertThat(both).contains("name: catalog-reverse", "name: delivery-backfill", "name: delivery-events");
    }

    @Test
    void theReportShowsTheDeliveryFigures() {
        DeliveryFigures figures = new DeliveryFigures(
                40, 25, 15, 120, 480, 90, 300, 0, 0, 0, 0, 0, 0, 0, 12, 0, 0, 6, "40 placed", List.of());
        Report report = new Report(Instant.EPOCH, Instant.EPOCH, List.of(), 0, 0, 0, 0, 0, figures, List.of());
        assertThat(report.markdown())
                .contains(
                        "## Delivery extraction",
                        "| saga convergence accepted → assigned, p50 / p99 ms | 120 / 480 |",
                        "| saga convergence completed → DELIVERED, p50 / p99 ms | 90 / 300 |",
                        "| shadow decisions alike | 12 of 12 |",
                        "| duplicate assignments | 0 |");
    }

    private static DeliveryFigures figures(
            int stuck,
            int duplicate,
            int lost,
            int lostEvents,
            int wrongSide,
            int deadLetters,
            int both,
            int shadow,
            int stamps) {
        return new DeliveryFigures(
                10,
                5,
                5,
                0,
                0,
                0,
                0,
                stuck,
                duplicate,
                lost,
                lostEvents,
                wrongSide,
                deadLetters,
                both,
                4,
                shadow,
                stamps,
                2,
                "",
                List.of());
    }
}
