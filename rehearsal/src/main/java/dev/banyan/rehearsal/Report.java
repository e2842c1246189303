package dev.banyan.rehearsal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The rehearsal's verdict, written as Markdown for people and JSON for pipelines. */
record Report(
        Instant startedAt,
        Instant finishedAt,
        List<StepResult> steps,
        int failedRequests,
        int finalDrift,
        int serviceWrites,
        int lostWrites,
        long shadowMismatches,
        DeliveryFigures delivery,
        List<String> problems) {

    boolean passed() {
        return problems.isEmpty();
    }

    List<Path> write(Path reportsDir) throws IOException {
        Files.createDirectories(reportsDir);
        String stamp = startedAt.toString().replace(":", "").replace("-", "").replaceAll("\\.\\d+", "");
        Path markdown = reportsDir.resolve("rehearsal-" + stamp + ".md");
        Path json = reportsDir.resolve("rehearsal-" + stamp + ".json");
        Files.writeString(markdown, markdown());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("passed", passed());
        document.put("startedAt", startedAt.toString());
        document.put("finishedAt", finishedAt.toString());
        document.put("failedRequests", failedRequests);
        document.put("shadowMismatches", shadowMismatches);
        document.put("finalDriftedKeys", finalDrift);
        document.put("serviceSideWrites", serviceWrites);
        document.put("lostWrites", lostWrites);
        if (delivery != null) {
            document.put("delivery", delivery);
        }
        document.put("problems", problems);
        document.put("steps", steps);
        Files.writeString(
                json,
                JsonMapper.builder()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .build()
                        .writeValueAsString(document));
        return List.of(markdown, json);
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# Banyan rehearsal\n\n")
                .append("Started ")
                .append(startedAt)
                .append(", finished ")
                .append(finishedAt)
                .append(".\n\n")
                .append("**Verdict: ")
                .append(passed() ? "PASSED" : "FAILED")
                .append("**\n\n")
                .append(
                        "| step | traffic share | requests | failed | p50 ms | p99 ms | shadow mismatches | CDC lag ms | drift |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (StepResult step : steps) {
            md.append("| ")
                    .append(step.step())
                    .append(" | ")
                    .append(step.traffic().share())
                    .append(" | ")
                    .append(step.traffic().requests())
                    .append(" | ")
                    .append(step.traffic().failures())
                    .append(" | ")
                    .append(String.format("%.1f", step.traffic().p50Millis()))
                    .append(" | ")
                    .append(String.format("%.1f", step.traffic().p99Millis()))
                    .append(" | ")
                    .append(step.shadowMismatches() == null ? "-" : step.shadowMismatches())
                    .append(" | ")
                    .append(step.cdcLagMillis() == null ? "-" : String.format("%.0f", step.cdcLagMillis()))
                    .append(" | ")
                    .append(step.driftedKeys() == null ? "-" : step.driftedKeys())
                    .append(" |\n");
        }
        md.append("\n- Failed client requests: ")
                .append(failedRequests)
                .append("\n- Shadow mismatches: ")
                .append(shadowMismatches)
                .append("\n- Writes taken by the catalog-service during the cutover: ")
                .append(serviceWrites)
                .append(", lost after the rollback: ")
                .append(lostWrites)
                .append("\n- Drifted keys at the final reconciliation: ")
                .append(finalDrift)
                .append('\n');
        if (delivery != null) {
            md.append("\n## Delivery extraction\n\n")
                    .append("| figure | value |\n|---|---:|\n")
                    .append(row("accepted orders", delivery.acceptedOrders()))
                    .append(row("handled by the delivery-service", delivery.serviceHandled()))
                    .append(row("handled by the monolith", delivery.monolithHandled()))
                    .append(row(
                            "saga convergence accepted → assigned, p50 / p99 ms",
                            String.format("%.0f / %.0f", delivery.assignP50Millis(), delivery.assignP99Millis())))
                    .append(row(
                            "saga convergence completed → DELIVERED, p50 / p99 ms",
                            String.format("%.0f / %.0f", delivery.deliveredP50Millis(), delivery.deliveredP99Millis())))
                    .append(row("stuck orders", delivery.stuckOrders()))
                    .append(row("duplicate assignments", delivery.duplicateAssignments()))
                    .append(row("lost assignments", delivery.lostAssignments()))
                    .append(row("lost events", delivery.lostEvents()))
                    .append(row("deliveries changed by the wrong side", delivery.changedByTheWrongSide()))
                    .append(row("dead letters", delivery.deadLetters()))
                    .append(row("cancelled yet delivered", delivery.cancelledYetDelivered()))
                    .append(row(
                            "shadow decisions alike",
                            (delivery.shadowCompared() - delivery.shadowDisagreements()) + " of "
                                    + delivery.shadowCompared()))
                    .append(row("orders stamped against a confirmed switch", delivery.misstampedOrders()))
                    .append(row("orders accepted during the rollback drill", delivery.rollbackOrders()))
                    .append("\nClients: ")
                    .append(delivery.clients())
                    .append(".\n");
        }
        md.append('\n');
        for (StepResult step : steps) {
            for (String note : step.notes()) {
                md.append("- ").append(step.step()).append(": ").append(note).append('\n');
            }
        }
        if (!problems.isEmpty()) {
            md.append("\n## Problems\n\n");
            problems.forEach(problem -> md.append("- ").append(problem).append('\n'));
        }
        return md.toString();
    }

    private static String row(String figure, Object value) {
        return "| " + figure + " | " + value + " |\n";
    }
}
