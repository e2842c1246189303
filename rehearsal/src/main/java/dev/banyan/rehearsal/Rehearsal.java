package dev.banyan.rehearsal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rehearsal on one topology, started once: the strangler-fig migration of the catalog, step by step, under live
 * traffic (legacy baseline, backfill and forward CDC, shadow reads, sticky canary, migrated reads, write cutover with
 * reverse CDC, a rollback drill and a final reconciliation), then the event-driven extraction of delivery
 * ({@link DeliveryRehearsal}), or either one alone.
 */
final class Rehearsal {

    /** {@code result: DRIFT in 1 of 4 table(s) (missing 2, extra 0, differing 3)}, one line per pipeline. */
    private static final Pattern DRIFT_COUNT = Pattern.compile("(?:missing|extra|differing) (\\d+)");

    private static final String SERVICE = "catalog";

    private final RehearsalOptions options;
    private final Topology topology;
    private final Progress progress;
    private final List<StepResult> steps = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private LoadGenerator load;
    private ProxyAdmin admin;
    private long shadowMismatches;

    Rehearsal(RehearsalOptions options, Topology topology, Progress progress) {
        this.options = options;
        this.topology = topology;
        this.progress = progress;
    }

    Report run() throws Exception {
        Instant started = Instant.now();
        topology.start(progress);
        admin = new ProxyAdmin(topology.proxyAdmin(), topology.adminToken());
        load = new LoadGenerator(topology.proxy());
        try {
            load.prepare(100);
            load.start(options.requestsPerSecond());
            progress.line("");
            progress.line(StepResult.HEADER);
            int[] catalog = options.context().catalog() ? catalog() : new int[] {0, 0, 0};
            DeliveryFigures delivery = null;
            if (options.context().delivery()) {
                String catalogPipelines = options.context().catalog()
                        ? CdcPipelines.bothDirections(
                                topology.monolithDb().jdbcUrl(Topology.MONOLITH_DB),
                                topology.catalogDb().jdbcUrl(Topology.CATALOG_DB))
                        : null;
                delivery = new DeliveryRehearsal(
                                topology, admin, load, progress, new DeliverySteps(), problems, catalogPipelines)
                        .run();
            }
            int failed =
                    steps.stream().mapToInt(step -> step.traffic().failures()).sum();
            if (failed > 0) {
                problems.add(failed + " client requests failed");
            }
            if (shadowMismatches > 0) {
                problems.add(shadowMismatches + " shadow mismatches on the sample data");
            }
            return new Report(
                    started,
                    Instant.now(),
                    List.copyOf(steps),
                    failed,
                    catalog[0],
                    catalog[1],
                    catalog[2],
                    shadowMismatches,
                    delivery,
                    List.copyOf(problems));
        } finally {
            load.close();
        }
    }

    /** The catalog's steps; returns the final drift, the service-side writes and those lost after the rollback. */
    private int[] catalog() throws Exception {
        String monolithUrl = topology.monolithDb().jdbcUrl(Topology.MONOLITH_DB);
        String catalogUrl = topology.catalogDb().jdbcUrl(Topology.CATALOG_DB);
        Path forward = writeConfig("cdc-forward.yml", CdcPipelines.forward(monolithUrl, catalogUrl));
        Path both = writeConfig("cdc-both.yml", CdcPipelines.bothDirections(monolithUrl, catalogUrl));
        trafficStep("1 LEGACY baseline", null);

        topology.runBridge(forward, progress);
        int drift = awaitInSync(forward, "2 backfill + forward CDC");
        trafficStep("2 backfill + forward CDC", drift, "verify reached zero drift");

        load.catalogWrites(false);
        admin.stage(RoutesFile.READS, "SHADOW", 0);
        StepResult shadow =
                trafficStep("3 SHADOW reads", null, true, "catalog writes held so mismatches are contract differences");
        shadowMismatches += shadow.shadowMismatches();
        if (shadow.shadowMatches() + shadow.shadowMismatches() == 0) {
            problems.add("SHADOW compared no responses");
        }
        load.catalogWrites(true);

        admin.stage(RoutesFile.READS, "CANARY", 10);
        trafficStep("4a CANARY reads 10%", null, "sticky by X-Customer-Id");
        admin.stage(RoutesFile.READS, "CANARY", 50);
        trafficStep("4b CANARY reads 50%", null, "sticky by X-Customer-Id");
        admin.stage(RoutesFile.READS, "MIGRATED", 100);
        trafficStep("5 MIGRATED reads", null);

        load.catalogWrites(false);
        awaitInSync(forward, "6 write cutover");
        topology.runBridge(both, progress);
        admin.stage(RoutesFile.WRITES, "MIGRATED", 100);
        load.catalogWrites(true);
        trafficStep("6 write cutover + reverse CDC", null, "both pipelines run; writes go to the service");

        admin.stage(RoutesFile.WRITES, "LEGACY", 0);
        admin.stage(RoutesFile.READS, "LEGACY", 0);
        load.catalogWrites(false);
        int rollbackDrift = awaitInSync(both, "7 rollback drill");
        int[] lost = lostServiceWrites();
        load.catalogWrites(true);
        trafficStep(
                "7 rollback drill",
                rollbackDrift,
                lost[0] + " service-side writes checked in the monolith, " + lost[1]
                        + " lost; writes go to legacy again");
        if (lost[1] > 0) {
            problems.add(
                    lost[1] + " writes taken by the catalog-service are missing from the monolith after the rollback");
        }
        if (lost[0] == 0) {
            problems.add("The write cutover took no writes on the service side, so the rollback proved nothing");
        }

        load.catalogWrites(false);
        int finalDrift = awaitInSync(both, "8 final reconciliation");
        trafficStep("8 final reconciliation", finalDrift);
        if (finalDrift != 0) {
            problems.add("Final reconciliation found drift between the monolith and the catalog-service");
        }
        return new int[] {finalDrift, lost[0], lost[1]};
    }

    /** The delivery extraction runs its steps through the same table and the same verify loop. */
    private final class DeliverySteps implements DeliveryRehearsal.Steps {
        @Override
        public StepResult run(String name, Integer drift, String... notes) throws Exception {
            return trafficStep(name, drift, notes);
        }

        @Override
        public int awaitInSync(Path config, List<String> pipelines, String step) throws Exception {
            return Rehearsal.this.awaitInSync(config, pipelines, step);
        }
    }

    private StepResult trafficStep(String name, Integer drift, String... notes) throws Exception {
        return trafficStep(name, drift, false, notes);
    }

    /** Sends traffic for one step and prints its row; with {@code compare}, the row carries the shadow results. */
    private StepResult trafficStep(String name, Integer drift, boolean compare, String... notes) throws Exception {
        ProxyAdmin.ShadowCounts before = compare ? admin.shadow(RoutesFile.READS) : null;
        load.nextStep();
        Instant end = Instant.now().plus(options.stepTraffic());
        while (Instant.now().isBefore(end)) {
            progress.tick(name + ": sending traffic, "
                    + Duration.between(Instant.now(), end).toSeconds() + " s left");
            Thread.sleep(200);
        }
        TrafficStats.Snapshot traffic = load.nextStep().snapshot();
        ProxyAdmin.ShadowCounts compared = compare ? awaitShadowSettled(before) : null;
        OptionalDouble lag = Prometheus.max(topology.cdcBridge(), "banyan_cdc_lag_milliseconds");
        StepResult result = new StepResult(
                name,
                traffic,
                compare ? compared.mismatches() : null,
                compare ? compared.matches() : null,
                lag.isPresent() ? lag.getAsDouble() : null,
                drift,
                List.of(notes));
        steps.add(result);
        progress.line(result.row());
        for (String sample : traffic.failureSamples()) {
            progress.line("    failed: " + sample);
        }
        return result;
    }

    /** Shadow copies are asynchronous: wait until the proxy has compared everything it mirrored. */
    private ProxyAdmin.ShadowCounts awaitShadowSettled(ProxyAdmin.ShadowCounts before) throws Exception {
        ProxyAdmin.ShadowCounts now = admin.shadow(RoutesFile.READS).since(before);
        for (int i = 0; i < 20; i++) {
            progress.tick("waiting for shadow comparisons to settle");
            Thread.sleep(500);
            ProxyAdmin.ShadowCounts later = admin.shadow(RoutesFile.READS).since(before);
            if (later.equals(now)) {
                return now;
            }
            now = later;
        }
        return now;
    }

    /** Runs {@code verify} until the two sides agree, so lag is never mistaken for loss. */
    private int awaitInSync(Path config, String step) throws Exception {
        return awaitInSync(config, List.of(), step);
    }

    private int awaitInSync(Path config, List<String> pipelines, String step) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        int drift = -1;
        while (Instant.now().isBefore(deadline)) {
            drift = verifyOnce(config, pipelines);
            if (drift == 0) {
                return 0;
            }
            progress.tick(step + ": waiting for CDC to catch up (" + drift + " keys differ)");
            Thread.sleep(1_000);
        }
        problems.add(step + ": the two databases did not converge within 3 minutes (" + drift + " keys differ)");
        return drift;
    }

    private int verifyOnce(Path config, List<String> pipelines) throws Exception {
        Topology.CommandResult result = topology.verify(config, pipelines);
        if (result.exitCode() == 0) {
            return 0;
        }
        if (result.exitCode() != 1) {
            throw new IllegalStateException(
                    "cdc-bridge verify failed with exit code " + result.exitCode() + ":\n" + result.output());
        }
        return Math.max(driftedKeys(result.output()), 1);
    }

    static int driftedKeys(String verifyOutput) {
        int drifted = 0;
        for (String line : verifyOutput
                .lines()
                .filter(line -> line.startsWith("result: DRIFT"))
                .toList()) {
            Matcher counts = DRIFT_COUNT.matcher(line);
            while (counts.find()) {
                drifted += Integer.parseInt(counts.group(1));
            }
        }
        return drifted;
    }

    /** Every price the clients saw the catalog-service accept must now be the monolith's price. */
    private int[] lostServiceWrites() throws Exception {
        Map<String, LoadGenerator.PriceWrite> writes = load.priceWrites();
        int checked = 0;
        int lost = 0;
        try (Connection connection = DriverManager.getConnection(
                        topology.monolithDb().jdbcUrl(Topology.MONOLITH_DB), "postgres", "");
                PreparedStatement price =
                        connection.prepareStatement("select price from catalog.menu_item where id = ?")) {
            for (LoadGenerator.PriceWrite write : writes.values()) {
                if (!SERVICE.equals(write.backend())) {
                    continue;
                }
                checked++;
                price.setObject(1, UUID.fromString(write.menuItemId()));
                try (ResultSet row = price.executeQuery()) {
                    if (!row.next() || row.getLong(1) != write.price()) {
                        lost++;
                    }
                }
            }
        }
        return new int[] {checked, lost};
    }

    private Path writeConfig(String name, String yaml) throws Exception {
        Path file = topology.runDir().resolve(name);
        Files.writeString(file, yaml);
        return file;
    }
}
