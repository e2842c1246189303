package dev.banyan.rehearsal;

import java.util.List;

/** One row of the rehearsal table: what the clients, the proxy and the bridge showed during one step. */
record StepResult(
        String step,
        TrafficStats.Snapshot traffic,
        Long shadowMismatches,
        Long shadowMatches,
        Double cdcLagMillis,
        Integer driftedKeys,
        List<String> notes) {

    static final String HEADER = String.format(
            "%-34s %-28s %7s %8s %8s %9s %9s %6s",
            "step", "traffic share", "failed", "p50 ms", "p99 ms", "shadow ≠", "lag ms", "drift");

    String row() {
        return String.format(
                "%-34s %-28s %7d %8.1f %8.1f %9s %9s %6s",
                step,
                traffic.share(),
                traffic.failures(),
                traffic.p50Millis(),
                traffic.p99Millis(),
                shadowMismatches == null ? "-" : shadowMismatches.toString(),
                cdcLagMillis == null ? "-" : String.format("%.0f", cdcLagMillis),
                driftedKeys == null ? "-" : driftedKeys.toString());
    }
}
