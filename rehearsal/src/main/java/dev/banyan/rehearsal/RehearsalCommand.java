package dev.banyan.rehearsal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code rehearse}: one command that rehearses the whole migration and says whether it held. */
public final class RehearsalCommand {

    private RehearsalCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        RehearsalOptions options;
        try {
            options = RehearsalOptions.parse(args);
        } catch (RehearsalOptions.UsageException e) {
            if (e.getMessage() != null) {
                System.err.println("rehearse: " + e.getMessage());
            }
            System.err.print(RehearsalOptions.USAGE);
            return e.getMessage() == null ? 0 : 2;
        }
        Progress progress = new Progress(System.out);
        Path runDir = options.workDir().resolve("rehearsal").resolve(Instant.now().toString().replace(":", ""));
        Ports ports = options.randomPorts() ? Ports.random() : Ports.defaults();
        Topology topology = new Topology(options, ports, runDir);
        Runtime.getRuntime().addShutdownHook(new Thread(topology::close, "rehearsal-shutdown"));
        try {
            Files.createDirectories(runDir);
            progress.line("Banyan rehearsal: strangling the catalog out of the monolith" + (options.quick() ? " (quick)" : ""));
            progress.line("Working in " + runDir + "; component logs in " + runDir.resolve("logs"));
            Report report = new Rehearsal(options, topology, progress).run();
            List<Path> files = report.write(options.workDir().resolve("reports"));
            progress.line("");
            progress.line(report.passed() ? "PASSED: no failed requests, no drift, no lost writes."
                    : "FAILED: " + String.join("; ", report.problems()));
            progress.line("Report: " + files.get(0) + " and " + files.get(1));
            if (options.keepRunning()) {
                keepRunning(topology, progress);
            }
            return report.passed() ? 0 : 1;
        } catch (Exception e) {
            progress.line("FAILED: " + e.getMessage());
            progress.line("Component logs are in " + runDir.resolve("logs"));
            return 1;
        } finally {
            topology.close();
        }
    }

    private static void keepRunning(Topology topology, Progress progress) throws Exception {
        Path tokenFile = topology.runDir().resolve("admin-token");
        Files.writeString(tokenFile, topology.adminToken());
        tokenFile.toFile().setReadable(false, false);
        tokenFile.toFile().setReadable(true, true);
        progress.line("");
        progress.line("The topology keeps running (Ctrl-C stops it):");
        progress.line("  proxy            " + topology.proxy() + "   e.g. curl " + topology.proxy() + "/api/restaurants?size=3");
        progress.line("  proxy admin      " + topology.proxyAdmin() + "   bearer token in " + tokenFile);
        progress.line("  routes file      " + topology.routesFile() + "   (edit it: the proxy reloads within 2 s)");
        progress.line("  monolith         " + topology.monolith());
        progress.line("  catalog-service  " + topology.catalogService());
        progress.line("  cdc-bridge       " + topology.cdcBridge() + "/actuator/prometheus");
        progress.line("  monolith DB      " + topology.monolithDb().jdbcUrl(Topology.MONOLITH_DB) + " (user postgres)");
        progress.line("  catalog DB       " + topology.catalogDb().jdbcUrl(Topology.CATALOG_DB) + " (user postgres)");
        new CountDownLatch(1).await();
    }
}
