package dev.banyan.rehearsal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The delivery extraction, under live order traffic: baseline, backfill and outbox pipelines, event SHADOW (the
 * service decides in its sandbox; its decisions are compared with the monolith's), HTTP MIGRATED for
 * {@code /api/deliveries/**}, the event cutover, a rollback drill and back, then a reconciliation after traffic drains.
 */
final class DeliveryRehearsal {

    /** How long the Saga may take to converge after the last order's life ended. */
    static final Duration CONVERGENCE = Duration.ofSeconds(60);

    /** One traffic step of the rehearsal's table. */
    interface Steps {
        StepResult run(String name, Integer drift, String... notes) throws Exception;

        int awaitInSync(Path config, List<String> pipelines, String step) throws Exception;
    }

    private final Topology topology;
    private final ProxyAdmin admin;
    private final LoadGenerator load;
    private final Progress progress;
    private final Steps steps;
    private final List<String> problems;
    private final String runningPipelines;

    /**
     * @param runningPipelines the YAML of pipelines the bridge keeps running next to delivery's (the catalog's), or
     *     null
     */
    DeliveryRehearsal(
            Topology topology,
            ProxyAdmin admin,
            LoadGenerator load,
            Progress progress,
            Steps steps,
            List<String> problems,
            String runningPipelines) {
        this.topology = topology;
        this.admin = admin;
        this.load = load;
        this.progress = progress;
        this.steps = steps;
        this.problems = problems;
        this.runningPipelines = runningPipelines;
    }

    DeliveryFigures run() throws Exception {
        String monolithUrl = topology.monolithDb().jdbcUrl(Topology.MONOLITH_DB);
        String deliveryUrl = topology.deliveryDb().jdbcUrl(Topology.DELIVERY_DB);
        DeliveryChecks checks = new DeliveryChecks(monolithUrl, deliveryUrl, topology.kafkaBootstrapServers());
        Path pipelines = topology.runDir().resolve("cdc-delivery.yml");
        String delivery = CdcPipelines.delivery(monolithUrl, deliveryUrl, topology.kafkaBootstrapServers());
        Files.writeString(
                pipelines, runningPipelines == null ? delivery : CdcPipelines.alongside(runningPipelines, delivery));

        Instant since = checks.monolithNow();
        OrderLifecycles orders = load.startOrderLifecycles();
        steps.run("D1 LEGACY baseline (orders)", null, "orders placed, accepted, picked up, completed, some cancelled");

        topology.runBridge(pipelines, progress);
        // order traffic held while verify takes its cut, so drift is a real difference and never lag
        orders.hold(OrderLifecycles.PATIENCE, progress);
        int drift = steps.awaitInSync(pipelines, List.of(CdcPipelines.DELIVERY_BACKFILL), "D2 backfill");
        orders.resume();
        steps.run(
                "D2 backfill + outbox pipelines",
                drift,
                "riders and deliveries backfilled; ordering.outbox and the service's outbox published to Kafka");

        admin.eventStage(RoutesFile.DELIVERY_EVENTS, "SHADOW");
        Instant shadowFrom = checks.monolithNow();
        steps.run("D3 event SHADOW", null, "the delivery-service decides monolith-handled orders in its sandbox");
        Instant shadowTo = checks.monolithNow();
        DeliveryChecks.ShadowComparison shadow = checks.compareShadow(shadowFrom, shadowTo, Duration.ofSeconds(20));
        progress.line("    shadow decisions: " + (shadow.compared() - shadow.disagreements()) + " of "
                + shadow.compared() + " orders decided alike");
        shadow.samples().forEach(sample -> progress.line("    differs: " + sample));

        admin.stage(RoutesFile.DELIVERIES, "MIGRATED", 100);
        steps.run(
                "D4 HTTP MIGRATED /api/deliveries",
                null,
                "legacy-owned deliveries answered 421 by the service and replayed to legacy");

        admin.eventStage(RoutesFile.DELIVERY_EVENTS, "MIGRATED");
        Instant migrated = checks.monolithNow();
        steps.run("D5 event cutover (MIGRATED)", null, "new orders are handled by the delivery-service");
        Instant rolledBack = rollBack(checks);
        int misstamped = misstamped(checks.stampsOfAcceptedBetween(migrated, rolledBack), "monolith");

        steps.run(
                "D6 rollback drill",
                null,
                "event route LEGACY: new orders to the monolith again; in-flight"
                        + " service orders finished by the service");
        Instant back = checks.monolithNow();
        Map<String, Integer> duringRollback = checks.stampsOfAcceptedBetween(rolledBack, back);
        misstamped += misstamped(duringRollback, OrderFacts.SERVICE);
        admin.eventStage(RoutesFile.DELIVERY_EVENTS, "MIGRATED");
        Instant migratedAgain = checks.monolithNow();
        steps.run("D6b back to MIGRATED", null);

        int unfinished = orders.drain(OrderLifecycles.PATIENCE.multipliedBy(2), progress);
        Instant drained = checks.monolithNow();
        misstamped += misstamped(checks.stampsOfAcceptedBetween(migratedAgain, drained), "monolith");
        if (unfinished > 0) {
            problems.add(unfinished + " orders were still on their way when traffic was drained");
        }
        DeliveryFigures figures = checks.reconcile(
                since,
                orders.placedOrders(),
                CONVERGENCE,
                shadow.compared(),
                shadow.disagreements(),
                misstamped,
                duringRollback.values().stream().mapToInt(Integer::intValue).sum(),
                orders.counts().summary(),
                progress);
        steps.run(
                "D7 reconciliation",
                null,
                figures.acceptedOrders() + " accepted orders (" + figures.serviceHandled()
                        + " by the delivery-service, "
                        + figures.monolithHandled() + " by the monolith): " + figures.stuckOrders() + " stuck, "
                        + figures.duplicateAssignments() + " assigned twice, " + figures.lostAssignments()
                        + " lost, " + figures.lostEvents() + " events lost, " + figures.deadLetters()
                        + " dead letters");
        figures.samples().forEach(sample -> progress.line("    " + sample));
        problems.addAll(figures.problems());
        return figures;
    }

    /** Event route back to LEGACY; returns the monolith's time once the switch confirmed. */
    private Instant rollBack(DeliveryChecks checks) throws Exception {
        admin.eventStage(RoutesFile.DELIVERY_EVENTS, "LEGACY");
        return checks.monolithNow();
    }

    /** Orders stamped {@code wrong} while the confirmed switch said otherwise. */
    private int misstamped(Map<String, Integer> stamps, String wrong) {
        int count = stamps.getOrDefault(wrong, 0) + stamps.getOrDefault("(none)", 0);
        if (count > 0) {
            progress.line("    " + count + " orders stamped " + wrong + " after the switch said otherwise: " + stamps);
        }
        return count;
    }
}
