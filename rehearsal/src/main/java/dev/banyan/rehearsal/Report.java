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
        StringBuilder md = new StringBuilder("# Banyan rehearsal: strangling the catalog\n\n")
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
}
